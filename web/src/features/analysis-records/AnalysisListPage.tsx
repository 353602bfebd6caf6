// 研判: the department's analyses (定期 / 重点 / 专项) and its 大调研 notes.
import { useState } from 'react';
import { Button, Card, InputNumber, Select, Space, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { analysisApi, type AnalysisListItem } from '../../api/analysisRecords';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { fmtDate } from '../../shared/dates';
import { useCan } from '../../shared/permissions';
import { AnalysisCreateModal } from './AnalysisCreateModal';
import { SurveysPanel } from './SurveysPanel';
import { KIND_COLORS, STATUS_COLORS, useAnalysisOptions } from './pickers';

function AnalysesPanel() {
  const navigate = useNavigate();
  const can = useCan();
  const options = useAnalysisOptions().data;
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [year, setYear] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const q = useQuery({
    queryKey: ['analysis-records', kind, status, year, page],
    queryFn: () => analysisApi.list({ kind, status, year: year ?? undefined, page, pageSize: 20 }),
  });
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          placeholder="研判类别"
          style={{ width: 130 }}
          value={kind}
          onChange={(v) => (setKind(v), setPage(1))}
          options={options?.kinds ?? []}
        />
        <Select
          allowClear
          placeholder="跟进状态"
          style={{ width: 130 }}
          value={status}
          onChange={(v) => (setStatus(v), setPage(1))}
          options={options?.statuses ?? []}
        />
        <InputNumber placeholder="年度" min={1949} max={2100} value={year} onChange={(v) => (setYear(v), setPage(1))} style={{ width: 110 }} />
        {can('analysis:write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="analysis-new">
            新建研判
          </Button>
        )}
      </Space>
      {q.error ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} /> : null}
      <Table<AnalysisListItem>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items}
        data-testid="analysis-table"
        pagination={{ current: page, pageSize: 20, total: q.data?.total, onChange: setPage, showTotal: (t) => `共 ${t} 条`, showSizeChanger: false }}
        locale={{ emptyText: '暂无研判记录' }}
        columns={[
          { title: '标题', dataIndex: 'title', render: (v: string, r) => <Link to={`/analysis-records/${r.id}`}>{v}</Link> },
          { title: '类别', dataIndex: 'kindName', width: 100, render: (v: string, r) => <Tag color={KIND_COLORS[r.kind]}>{v}</Tag> },
          { title: '研判日期', dataIndex: 'asOf', width: 110, render: fmtDate },
          { title: '研判范围', dataIndex: 'scopeLabel', ellipsis: true },
          { title: '班子', dataIndex: 'teamCount', width: 70, align: 'right' },
          {
            title: '自动发现问题',
            dataIndex: 'findingCount',
            width: 110,
            align: 'right',
            render: (v: number) => (v > 0 ? <span className="vacancy-cell">{v}</span> : v),
          },
          { title: '跟进状态', dataIndex: 'statusName', width: 100, render: (v: string, r) => <Tag color={STATUS_COLORS[r.status]}>{v}</Tag> },
          { title: '研判部门', dataIndex: 'authorityName', width: 180, ellipsis: true },
          { title: '经办人', dataIndex: 'createdByName', width: 100 },
        ]}
      />
      {creating && <AnalysisCreateModal onClose={() => setCreating(false)} onCreated={(id) => navigate(`/analysis-records/${id}`)} />}
    </div>
  );
}

export default function AnalysisListPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'surveys' ? 'surveys' : 'analyses';
  return (
    <div data-testid="analysis-page">
      <PageTitle title="研判" sub="班子和干部队伍的定期、重点、专项研判，以及大调研" />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'surveys' ? { tab: k } : {}, { replace: true })}
          items={[
            { key: 'analyses', label: '研判记录', children: <AnalysesPanel /> },
            { key: 'surveys', label: '大调研', children: <SurveysPanel /> },
          ]}
        />
      </Card>
    </div>
  );
}
