// One import job: its progress (polled every second while running), counts, and the result of each
// file; files for existing cadres show their differences and are overwritten only when confirmed.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { transferApi, type DiffEntry, type ImportJob, type ImportResult, type ImportStatus } from '../../api/transfer';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { tidButton } from '../../shared/testId';
import { fmtInstant } from '../../shared/dates';
import { JobTag, RESULT_STATUS, ResultTag } from './importStatus';

const COUNT_TAGS: { key: keyof ImportJob['counts']; status: ImportStatus }[] = [
  { key: 'created', status: 'created' },
  { key: 'updated', status: 'updated' },
  { key: 'unchanged', status: 'unchanged' },
  { key: 'needsConfirmation', status: 'needs-confirmation' },
  { key: 'ambiguous', status: 'ambiguous' },
  { key: 'errors', status: 'error' },
];

function DiffTable({ diff, testId }: { diff: DiffEntry[]; testId: string }) {
  return (
    <Table<DiffEntry>
      size="small"
      className="import-diff"
      rowKey="field"
      pagination={false}
      dataSource={diff}
      tableLayout="fixed"
      columns={[
        { title: '字段', dataIndex: 'label', width: 150, render: (v: string, r) => v || r.field },
        {
          title: '原值',
          dataIndex: 'old',
          render: (v: string) => (v ? <div className="diff-old">{v}</div> : <span className="muted">（空）</span>),
        },
        {
          title: '新值',
          dataIndex: 'new',
          render: (v: string) => (v ? <div className="diff-new">{v}</div> : <span className="muted">（空）</span>),
        },
      ]}
      data-testid={testId}
    />
  );
}

function Issues({ r }: { r: ImportResult }) {
  const issues = r.issues ?? [];
  // a single issue the message already says is not listed again
  if (!issues.length || (issues.length === 1 && r.message?.includes(issues[0].message))) return null;
  return (
    <ul className="issue-list import-issues">
      {issues.map((i, k) => (
        <li key={k} className={i.severity === 'warning' ? 'muted' : undefined}>
          {i.severity === 'warning' ? '提示：' : ''}
          {i.row ? `第 ${i.row} 行 ` : ''}
          {i.label ?? i.field}：{i.message}
        </li>
      ))}
    </ul>
  );
}

export function ImportJobView({ jobId, onClose }: { jobId: number; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const job = useQuery({
    queryKey: ['imports', jobId],
    queryFn: () => transferApi.job(jobId),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
    staleTime: 0,
  });
  const j = job.data;
  const running = j?.status === 'running';

  // Once the job is done, open the differences of the files waiting for confirmation (a few at most).
  useEffect(() => {
    if (!j || running || expanded !== null) return;
    const pending = j.results.filter((r) => r.status === 'needs-confirmation').map((r) => r.file);
    setExpanded(pending.length <= 10 ? pending : []);
  }, [j, running, expanded]);
  useEffect(() => {
    if (j && !running) qc.invalidateQueries({ queryKey: ['imports'], exact: true });
  }, [running, j, qc]);

  const confirm = useMutation({
    mutationFn: (files: string[]) => transferApi.confirm(jobId, files),
    onSuccess: (updated, files) => {
      qc.setQueryData(['imports', jobId], updated);
      qc.invalidateQueries({ queryKey: ['cadres'] });
      qc.invalidateQueries({ queryKey: ['cadre'] });
      qc.invalidateQueries({ queryKey: ['stats'] });
      const done = updated.results.filter((r) => files.includes(r.file) && r.status === 'updated').length;
      if (done === files.length) message.success(`已覆盖 ${done} 名干部的信息`);
      else message.warning(`已覆盖 ${done} 份，${files.length - done} 份未能覆盖，原因见结果列表`);
      setSelected((s) => s.filter((f) => !files.includes(f)));
    },
  });

  const pendingFiles = useMemo(() => (j?.results ?? []).filter((r) => r.status === 'needs-confirmation').map((r) => r.file), [j]);
  const selectedPending = selected.filter((f) => pendingFiles.includes(f));

  if (job.error) return <ErrorAlert error={job.error} onRetry={() => job.refetch()} />;
  if (!j) return <Card loading style={{ marginTop: 16 }} />;

  const percent = j.total ? Math.floor((j.done / j.total) * 100) : 100;
  const indexOf = new Map(j.results.map((r, i) => [r.file, i]));

  const columns: ColumnsType<ImportResult> = [
    {
      title: '文件',
      dataIndex: 'file',
      ellipsis: { showTitle: false },
      render: (v: string) => (
        <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: '100%' }}>
          {v}
        </Typography.Text>
      ),
    },
    {
      title: '姓名',
      dataIndex: 'name',
      width: 100,
      render: (v: string, r) =>
        r.cadreId && r.status !== 'error' ? <Link to={`/cadres/${r.cadreId}`}>{v}</Link> : v || <span className="muted">—</span>,
    },
    { title: '身份证号', dataIndex: 'idCard', width: 180, render: (v: string) => v || <span className="muted">—</span> },
    {
      title: '结果',
      dataIndex: 'status',
      width: 150,
      filters: Object.entries(RESULT_STATUS).map(([value, s]) => ({ value, text: s.label })),
      onFilter: (v, r) => r.status === v,
      render: (s: ImportStatus) => <ResultTag status={s} />,
    },
    {
      title: '原因或说明',
      key: 'message',
      width: '34%',
      render: (_: unknown, r) => (
        <div className="import-reason" data-testid="import-reason">
          {r.message ?? (r.status === 'needs-confirmation' && r.diff ? `已有此干部，${r.diff.length} 项不同，确认后覆盖` : '')}
          <Issues r={r} />
        </div>
      ),
    },
  ];

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="import-job"
      title={
        <Space>
          <span>导入 #{j.id}</span>
          <JobTag status={j.status} />
          <span className="muted" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {fmtInstant(j.createdAt)} 开始{j.finishedAt ? `，${fmtInstant(j.finishedAt)} 完成` : ''}
          </span>
        </Space>
      }
      extra={<Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose} aria-label="关闭" />}
    >
      <Progress
        percent={percent}
        status={running ? 'active' : j.status === 'failed' ? 'exception' : 'success'}
        format={() => `${j.done}/${j.total}`}
        data-testid="import-progress"
      />
      {j.message && <Alert type="warning" showIcon title={j.message} style={{ margin: '8px 0' }} />}
      <div className="import-toolbar">
        <Space size={[6, 6]} wrap data-testid="import-counts">
          {COUNT_TAGS.filter((c) => j.counts[c.key] > 0).map((c) => (
            <Tag key={c.key} color={RESULT_STATUS[c.status].color} style={{ marginInlineEnd: 0 }} data-testid={`import-count-${c.status}`}>
              {RESULT_STATUS[c.status].label} {j.counts[c.key]}
            </Tag>
          ))}
          {running && <span className="muted">正在导入，可离开本页，稍后回来查看</span>}
        </Space>
        {pendingFiles.length > 0 && (
          <Space>
            <span className="muted">
              已选 {selectedPending.length} / {pendingFiles.length} 份待确认
            </span>
            <Popconfirm
              title="确认覆盖"
              description={`用所选 ${selectedPending.length} 份文件的内容覆盖库中干部的对应字段？`}
              okText="确认覆盖"
              cancelText="取消"
              onConfirm={() => confirm.mutate(selectedPending)}
              disabled={selectedPending.length === 0}
              okButtonProps={tidButton('import-confirm-ok')}
            >
              <Button
                type="primary"
                icon={<CheckOutlined />}
                disabled={selectedPending.length === 0}
                loading={confirm.isPending}
                data-testid="import-confirm"
              >
                确认覆盖
              </Button>
            </Popconfirm>
          </Space>
        )}
      </div>
      {confirm.error ? <ErrorAlert error={confirm.error} /> : null}
      <Table<ImportResult>
        size="small"
        rowKey="file"
        columns={columns}
        dataSource={j.results}
        tableLayout="fixed"
        pagination={j.results.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (t) => `共 ${t} 个文件` } : false}
        locale={{ emptyText: running ? '正在导入…' : '没有文件' }}
        rowSelection={
          pendingFiles.length
            ? {
                selectedRowKeys: selectedPending,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) =>
                  ({ disabled: r.status !== 'needs-confirmation', 'data-testid': `import-select-${indexOf.get(r.file)}` }) as object,
              }
            : undefined
        }
        expandable={{
          expandedRowKeys: expanded ?? [],
          onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
          rowExpandable: (r) => !!r.diff?.length,
          expandedRowRender: (r) => (
            <div className="import-diff-wrap">
              <div className="import-diff-head">
                <span>
                  {r.name} 与库中档案的差异（{r.diff!.length} 项）
                  {r.status !== 'needs-confirmation' && <span className="muted">，{RESULT_STATUS[r.status].label}</span>}
                </span>
                {r.status === 'needs-confirmation' && (
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    loading={confirm.isPending && confirm.variables?.length === 1 && confirm.variables[0] === r.file}
                    onClick={() => confirm.mutate([r.file])}
                    data-testid={`import-confirm-one-${indexOf.get(r.file)}`}
                  >
                    确认覆盖此人
                  </Button>
                )}
              </div>
              <DiffTable diff={r.diff!} testId={`import-diff-${indexOf.get(r.file)}`} />
            </div>
          ),
        }}
        onRow={(r) => ({ 'data-testid': `import-result-${indexOf.get(r.file)}` }) as React.HTMLAttributes<HTMLElement>}
        data-testid="import-results"
      />
    </Card>
  );
}
