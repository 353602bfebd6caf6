import { Tag } from 'antd';
import type { ImportStatus, JobStatus } from '../../api/transfer';

export const RESULT_STATUS: Record<ImportStatus, { label: string; color: string }> = {
  created: { label: '新建', color: 'green' },
  updated: { label: '更新', color: 'blue' },
  unchanged: { label: '无变化', color: 'default' },
  'needs-confirmation': { label: '待确认', color: 'orange' },
  ambiguous: { label: '待定（多名匹配）', color: 'purple' },
  error: { label: '失败', color: 'red' },
};

export function ResultTag({ status }: { status: ImportStatus }) {
  const s = RESULT_STATUS[status] ?? { label: status, color: 'default' };
  return (
    <Tag color={s.color} style={{ marginInlineEnd: 0 }} data-testid="import-status">
      {s.label}
    </Tag>
  );
}

const JOB_STATUS: Record<JobStatus, { label: string; color: string }> = {
  running: { label: '导入中', color: 'processing' },
  done: { label: '已完成', color: 'success' },
  failed: { label: '已中断', color: 'error' },
};

export function JobTag({ status, testId = 'import-job-status' }: { status: JobStatus; testId?: string }) {
  const s = JOB_STATUS[status];
  return (
    <Tag color={s.color} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {s.label}
    </Tag>
  );
}
