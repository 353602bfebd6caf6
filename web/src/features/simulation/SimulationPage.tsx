// 模拟调配: the scratch plans the user may see (of one team when ?teamId= is given), a new plan, and a
// comparison of several plans of one team with today. Nothing here changes a real appointment.
import { useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Form, Input, Popconfirm, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { DiffOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { simulationApi, type PlanSummary } from '../../api/simulation';
import { unitsApi } from '../../api/units';
import { useUnitTreeOptions } from '../../shared/UnitTreeSelect';
import { chinaToday, dateOf, DATE_FORMAT, fmtDate, fmtInstant, toDayjs } from '../../shared/dates';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { FormModal } from '../../shared/FormModal';
import { PageTitle } from '../../shared/PageTitle';
import { RULE_NAMES } from '../../api/analysis';
import { StructureTable } from './structureView';

type Item = PlanSummary & { movesIn: number; movesOut: number };

interface NewPlanValues {
  unitId?: number;
  teamId: number;
  name: string;
  asOf: ReturnType<typeof toDayjs>;
}

function NewPlanModal({ teamId, onClose }: { teamId: number | null; onClose: () => void }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [unitId, setUnitId] = useState<number | undefined>();
  const fixed = useQuery({
    queryKey: ['teams', teamId, 'structure', 'name'],
    queryFn: () => simulationApi.structure(teamId!),
    enabled: teamId !== null,
  });
  const { options: unitOptions } = useUnitTreeOptions();
  const unit = useQuery({ queryKey: ['units', unitId, 'today'], queryFn: () => unitsApi.unit(unitId!), enabled: unitId !== undefined });
  return (
    <FormModal<NewPlanValues>
      title="新建模拟调配方案"
      okText="新建并编辑"
      testId="plan-form"
      initialValues={{ asOf: toDayjs(chinaToday()), name: '调配方案', ...(teamId !== null && { teamId }) }}
      onSubmit={async (v) => {
        const { id } = await simulationApi.create({ teamId: v.teamId, name: v.name, asOf: dateOf(v.asOf)!, moves: [] });
        message.success('已新建方案');
        navigate(`/simulation/${id}`);
      }}
      onClose={onClose}
    >
      {(form) => (
        <>
          {teamId !== null ? (
            <Form.Item name="teamId" label="班子">
              <span data-testid="plan-form-team">{fixed.data ? `${fixed.data.unitName} · ${fixed.data.teamName}` : '…'}</span>
            </Form.Item>
          ) : (
            <>
              <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
                <TreeSelect
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  treeData={unitOptions}
                  placeholder="请选择单位"
                  onChange={(v: number) => {
                    setUnitId(v);
                    form.setFieldValue('teamId', undefined);
                  }}
                  data-testid="plan-form-unit"
                />
              </Form.Item>
              <Form.Item name="teamId" label="班子" rules={[{ required: true, message: '请选择班子' }]}>
                <Select
                  options={(unit.data?.teams ?? []).map((t) => ({ value: t.id, label: t.name }))}
                  loading={unit.isLoading && unitId !== undefined}
                  placeholder={unitId ? '请选择班子' : '请先选择单位'}
                  data-testid="plan-form-teamselect"
                />
              </Form.Item>
            </>
          )}
          <Form.Item name="name" label="方案名称" rules={[{ required: true, whitespace: true, message: '请填写方案名称' }]}>
            <Input maxLength={50} data-testid="plan-form-name" />
          </Form.Item>
          <Form.Item name="asOf" label="调配日期" rules={[{ required: true, message: '请选择调配日期' }]} extra="按该日的在任成员、年龄和参数计算">
            <DatePicker format={DATE_FORMAT} allowClear={false} data-testid="plan-form-asof" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** Today and the chosen plans of one team, side by side. */
function Comparison({ plans }: { plans: Item[] }) {
  const results = useQueries({
    queries: plans.map((p) => ({ queryKey: ['adjustment-plans', p.id, 'evaluation'], queryFn: () => simulationApi.evaluation(p.id) })),
  });
  const error = results.find((r) => r.error)?.error;
  if (error) return <ErrorAlert error={error} />;
  if (results.some((r) => !r.data)) return <Card loading />;
  const evals = results.map((r) => r.data!);
  const states = [
    { title: `现状（${fmtDate(evals[0]!.asOf)}）`, structure: evals[0]!.current.structure },
    ...evals.map((e, i) => ({ title: plans[i]!.name, structure: e.planned.structure })),
  ];
  const findings = [evals[0]!.current.findings, ...evals.map((e) => e.planned.findings)];
  return (
    <Card size="small" title="方案对比" style={{ marginTop: 16 }} data-testid="plans-compare">
      <StructureTable states={states} />
      <Table
        size="small"
        pagination={false}
        style={{ marginTop: 12 }}
        rowKey="title"
        dataSource={states.map((s, i) => ({ title: s.title, findings: findings[i]! }))}
        columns={[
          { title: '', dataIndex: 'title', width: 200 },
          {
            title: '研判结论',
            dataIndex: 'findings',
            render: (fs: { rule: string }[]) =>
              fs.length === 0 ? <span className="muted">无</span> : fs.map((f, j) => <Tag key={j}>{RULE_NAMES[f.rule] ?? f.rule}</Tag>),
          },
        ]}
      />
    </Card>
  );
}

export default function SimulationPage() {
  const [params, setParams] = useSearchParams();
  const teamId = params.get('teamId') ? Number(params.get('teamId')) : null;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [comparing, setComparing] = useState<number[]>([]);
  const q = useQuery({ queryKey: ['adjustment-plans', 'list', teamId], queryFn: () => simulationApi.plans(teamId ?? undefined) });
  const items = useMemo(() => q.data?.items ?? [], [q.data]);
  const chosen = items.filter((p) => selected.includes(p.id));
  const sameTeam = chosen.length > 0 && chosen.every((p) => p.teamId === chosen[0]!.teamId);

  return (
    <div>
      <PageTitle
        title="模拟调配"
        sub="在方案中调入、调出干部，与现状对照班子结构、空缺和研判结论；不改变任何任免记录"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-new">
            新建方案
          </Button>
        }
      />
      {q.error ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} /> : null}
      <Card size="small">
        <Space style={{ marginBottom: 12 }} wrap>
          {teamId !== null && (
            <Tag closable onClose={() => setParams({}, { replace: true })} data-testid="plans-team-filter">
              仅显示班子：{items[0]?.teamName ?? teamId}
            </Tag>
          )}
          <Button icon={<DiffOutlined />} disabled={!sameTeam} onClick={() => setComparing(selected)} data-testid="plans-compare-button">
            对比所选方案
          </Button>
          <Typography.Text type="secondary">勾选同一班子的一个或多个方案，与现状并列对比</Typography.Text>
        </Space>
        <Table<Item>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
          locale={{ emptyText: <Empty description="还没有调配方案：点“新建方案”，或在单位班子页的“班子研判”中开始" /> }}
          data-testid="plans-table"
          columns={[
            {
              title: '方案名称',
              dataIndex: 'name',
              render: (v: string, p) => (
                <Link to={`/simulation/${p.id}`} data-testid={`plan-link-${p.id}`}>
                  {v}
                </Link>
              ),
            },
            { title: '班子', key: 'team', render: (_: unknown, p) => `${p.unitName} · ${p.teamName}` },
            { title: '调配日期', dataIndex: 'asOf', width: 110, render: fmtDate },
            { title: '调整', key: 'moves', width: 130, render: (_: unknown, p) => `调入 ${p.movesIn}，调出 ${p.movesOut}` },
            { title: '创建人', dataIndex: 'authorName', width: 100 },
            { title: '更新时间', dataIndex: 'updatedAt', width: 160, render: fmtInstant },
            {
              title: '操作',
              key: 'ops',
              width: 70,
              render: (_: unknown, p) => (
                <Popconfirm
                  title="删除该方案？"
                  okText="删除"
                  cancelText="取消"
                  onConfirm={async () => {
                    try {
                      await simulationApi.remove(p.id, p.version);
                      message.success('已删除方案');
                      setSelected((s) => s.filter((x) => x !== p.id));
                      setComparing((s) => s.filter((x) => x !== p.id));
                      await qc.invalidateQueries({ queryKey: ['adjustment-plans'] });
                    } catch (e) {
                      message.error(errorMessage(e));
                    }
                  }}
                >
                  <Button type="link" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      {comparing.length > 0 && <Comparison plans={items.filter((p) => comparing.includes(p.id))} />}
      {creating && <NewPlanModal teamId={teamId} onClose={() => setCreating(false)} />}
    </div>
  );
}
