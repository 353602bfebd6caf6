// The detail of an audit entry in Chinese: changes as 字段：旧值 → 新值, other facts as 名称：值.
import { Typography } from 'antd';
import { fieldLabel } from '../../shared/fieldLabels';
import { fmtInstant } from '../../shared/dates';

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.length ? v.map(show).join('、') : '（空）';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return fmtInstant(v);
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${fieldLabel(k)} ${show(x)}`)
      .join('，');
  return String(v);
}

const MAX = 160;

/** A long value cut short, the whole of it in the tooltip. */
function Value({ v, del }: { v: unknown; del?: boolean }) {
  const text = show(v);
  const short = text.length > MAX ? `${text.slice(0, MAX)}…` : text;
  return (
    <Typography.Text delete={del} type={del ? 'secondary' : undefined} title={short !== text ? text : undefined}>
      {short}
    </Typography.Text>
  );
}

interface Change {
  field: string;
  old: unknown;
  new: unknown;
}

export function AuditDetail({ detail }: { detail: Record<string, unknown> }) {
  const changes = Array.isArray(detail.changes) ? (detail.changes as Change[]) : [];
  const rest = Object.entries(detail).filter(([k]) => k !== 'changes');
  if (!changes.length && !rest.length) return <span className="muted">—</span>;
  return (
    <div className="audit-detail">
      {changes.map((c, i) => (
        <div key={`c${i}`}>
          <Typography.Text strong>{fieldLabel(c.field)}</Typography.Text>：<Value v={c.old} del /> → <Value v={c.new} />
        </div>
      ))}
      {rest.map(([k, v]) => (
        <div key={k}>
          <span className="muted">{fieldLabel(k)}：</span>
          <Value v={v} />
        </div>
      ))}
    </div>
  );
}
