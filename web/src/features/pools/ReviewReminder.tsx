// The review reminder of the category lists: overdue and near-due reviews, on the home and list pages.
import { Alert, Button } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { poolsApi } from '../../api/pools';
import { useCan } from '../../shared/permissions';

export function ReviewReminder({ compact = false }: { compact?: boolean }) {
  const can = useCan();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['pools', 'reviews'], queryFn: poolsApi.reviews, enabled: can('pool:read') });
  const r = q.data;
  if (!r || r.entries.length === 0) return null;
  const names = r.entries
    .slice(0, 5)
    .map((e) => e.name)
    .join('、');
  return (
    <Alert
      type={r.overdue ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="review-reminder"
      title={`四类干部清单复核提醒：已逾期 ${r.overdue} 人，${r.noticeDays} 天内到期 ${r.dueSoon} 人`}
      description={compact ? undefined : `${names}${r.entries.length > 5 ? ` 等 ${r.entries.length} 人` : ''}`}
      action={
        <Button size="small" onClick={() => navigate('/pools?tab=categories&review=1')} data-testid="review-reminder-open">
          查看
        </Button>
      }
    />
  );
}
