// One import job: its progress (polled every second while running), counts, and the result of each
// file a page at a time; files for existing cadres show their differences and are overwritten only when
// confirmed; a file without 身份证号 matching several cadres is resolved by choosing one of them or by
// entering its 身份证号.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { transferApi, type DiffEntry, type ImportJob, type ImportResult, type ImportStatus } from '../../api/transfer';
import { Ambiguous } from './Ambiguous';
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

const PAGE_SIZE = 50;

export function ImportJobView({ jobId, onClose }: { jobId: number; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<ImportStatus | undefined>(undefined);
  const job = useQuery({
    queryKey: ['imports', jobId, page, status],
    queryFn: () => transferApi.job(jobId, { page, pageSize: PAGE_SIZE, status }),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
    staleTime: 0,
    placeholderData: (prev) => prev,
  });
  const j = job.data;
  const running = j?.status === 'running';

  // Once the job is done, open the differences of the files waiting for confirmation (a few at most).
  useEffect(() => {
    if (!j || running || expanded !== null) return;
    const open = j.results.filter((r) => r.status === 'needs-confirmation' || r.status === 'ambiguous').map((r) => r.file);
    setExpanded(open.length <= 10 ? open : []);
  }, [j, running, expanded]);
  useEffect(() => {
    if (j && !running) qc.invalidateQueries({ queryKey: ['imports'], exact: true });
  }, [running, j, qc]);

  const changed = () => {
    qc.invalidateQueries({ queryKey: ['imports', jobId] });
    qc.invalidateQueries({ queryKey: ['cadres'] });
    qc.invalidateQueries({ queryKey: ['cadre'] });
    qc.invalidateQueries({ queryKey: ['stats'] });
  };
  const confirm = useMutation({
    mutationFn: (which: string[] | 'all') => transferApi.confirm(jobId, which),
    onSuccess: (updated, which) => {
      changed();
      const done = updated.counts.updated - (j?.counts.updated ?? 0);
      const failed = updated.counts.errors - (j?.counts.errors ?? 0);
      if (failed <= 0) message.success(`已覆盖 ${done} 名干部的信息`);
      else message.warning(`已覆盖 ${done} 份，${failed} 份未能覆盖，原因见结果列表`);
      setSelected((s) => (which === 'all' ? [] : s.filter((f) => !which.includes(f))));
    },
  });
  const resolve = useMutation({
    mutationFn: (v: { file: string; choice: { cadreId: number } | { idCard: string } }) => transferApi.resolve(jobId, v.file, v.choice),
    onSuccess: (updated, v) => {
      changed();
      const r = updated.results.find((x) => x.file === v.file);
      message.success(r?.status === 'created' ? '已按补录的身份证号新建干部' : '已确定对应干部，请核对差异后确认覆盖');
      setExpanded((e) => [...(e ?? []), v.file]);
    },
  });

  const pendingOnPage = useMemo(() => (j?.results ?? []).filter((r) => r.status === 'needs-confirmation').map((r) => r.file), [j]);
  const pendingTotal = j?.counts.needsConfirmation ?? 0;

  if (job.error) return <ErrorAlert error={job.error} onRetry={() => job.refetch()} />;
  if (!j) return <Card loading style={{ marginTop: 16 }} />;

  const percent = j.total ? Math.floor((j.done / j.total) * 100) : 100;

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
      filterMultiple: false,
      filteredValue: status ? [status] : null,
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
            <Tag
              key={c.key}
              color={RESULT_STATUS[c.status].color}
              style={{ marginInlineEnd: 0, cursor: 'pointer' }}
              onClick={() => {
                setStatus((s) => (s === c.status ? undefined : c.status));
                setPage(1);
              }}
              data-testid={`import-count-${c.status}`}
            >
              {RESULT_STATUS[c.status].label} {j.counts[c.key]}
            </Tag>
          ))}
          {running && <span className="muted">正在导入，可离开本页，稍后回来查看</span>}
        </Space>
        {pendingTotal > 0 && !running && (
          <Space>
            <span className="muted">
              已选 {selected.length} / {pendingTotal} 份待确认
            </span>
            <Popconfirm
              title="确认覆盖"
              description={`用所选 ${selected.length} 份文件的内容覆盖库中干部的对应字段？`}
              okText="确认覆盖"
              cancelText="取消"
              onConfirm={() => confirm.mutate(selected)}
              disabled={selected.length === 0}
              okButtonProps={tidButton('import-confirm-ok')}
            >
              <Button
                type="primary"
                icon={<CheckOutlined />}
                disabled={selected.length === 0}
                loading={confirm.isPending && confirm.variables !== 'all'}
                data-testid="import-confirm"
              >
                确认覆盖
              </Button>
            </Popconfirm>
            {pendingTotal > pendingOnPage.length && (
              <Popconfirm
                title="全部确认覆盖"
                description={`用全部 ${pendingTotal} 份待确认文件的内容覆盖库中干部的对应字段？`}
                okText="全部覆盖"
                cancelText="取消"
                onConfirm={() => confirm.mutate('all')}
                okButtonProps={tidButton('import-confirm-all-ok')}
              >
                <Button loading={confirm.isPending && confirm.variables === 'all'} data-testid="import-confirm-all">
                  全部确认（{pendingTotal}）
                </Button>
              </Popconfirm>
            )}
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
        loading={job.isFetching && job.isPlaceholderData}
        onChange={(pg, filters) => {
          const f = (filters.status?.[0] as ImportStatus | undefined) ?? undefined;
          if (f !== status) {
            setStatus(f);
            setPage(1);
          } else setPage(pg.current ?? 1);
        }}
        pagination={
          j.resultsTotal > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: j.resultsTotal, showSizeChanger: false, showTotal: (t) => `共 ${t} 个文件` }
            : false
        }
        locale={{ emptyText: running ? '正在导入…' : '没有文件' }}
        rowSelection={
          pendingTotal && !running
            ? {
                selectedRowKeys: selected,
                preserveSelectedRowKeys: true,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) => ({ disabled: r.status !== 'needs-confirmation', 'data-testid': `import-select-${r.seq}` }) as object,
              }
            : undefined
        }
        expandable={{
          expandedRowKeys: expanded ?? [],
          onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
          rowExpandable: (r) => !!r.diff?.length || (r.status === 'ambiguous' && !!r.candidates?.length),
          expandedRowRender: (r) =>
            r.status === 'ambiguous' ? (
              <Ambiguous
                r={r}
                pending={resolve.isPending && resolve.variables?.file === r.file}
                error={resolve.variables?.file === r.file ? resolve.error : null}
                onResolve={(choice) => resolve.mutate({ file: r.file, choice })}
              />
            ) : (
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
                      loading={
                        confirm.isPending && Array.isArray(confirm.variables) && confirm.variables.length === 1 && confirm.variables[0] === r.file
                      }
                      onClick={() => confirm.mutate([r.file])}
                      data-testid={`import-confirm-one-${r.seq}`}
                    >
                      确认覆盖此人
                    </Button>
                  )}
                </div>
                <DiffTable diff={r.diff!} testId={`import-diff-${r.seq}`} />
              </div>
            ),
        }}
        onRow={(r) => ({ 'data-testid': `import-result-${r.seq}` }) as React.HTMLAttributes<HTMLElement>}
        data-testid="import-results"
      />
    </Card>
  );
}
