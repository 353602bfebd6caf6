// Small pieces the pools and young-cadre pages share: a cadre's name as a link, review-state tags,
// and date helpers for the modal forms.
import { DatePicker, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import type { ReviewState } from '../../api/pools';
import { DATE_FORMAT, dateOf, fmtDate } from '../../shared/dates';

export function CadreLink({ id, name }: { id: number; name: string }) {
  return (
    <Link to={`/cadres/${id}`} data-testid={`cadre-link-${id}`}>
      {name}
    </Link>
  );
}

export function ReviewTag({ state, due }: { state: ReviewState; due: string }) {
  if (state === 'overdue') return <Tag color="red">已逾期 {fmtDate(due)}</Tag>;
  if (state === 'due_soon') return <Tag color="orange">即将到期 {fmtDate(due)}</Tag>;
  return <span>{fmtDate(due)}</span>;
}

export const DateField = (props: { value?: Dayjs | null; onChange?: (v: Dayjs | null) => void; testId?: string }) => (
  <DatePicker format={DATE_FORMAT} value={props.value} onChange={(v) => props.onChange?.(v)} style={{ width: '100%' }} data-testid={props.testId} />
);

/** A form's dayjs value as the API's 'YYYY-MM-DD', or undefined to let the server default to today. */
export const day = (v: Dayjs | null | undefined) => dateOf(v) ?? undefined;

export const unitAndPost = (r: { unitName?: string | null; currentPost?: string }) => r.currentPost || r.unitName || '—';
