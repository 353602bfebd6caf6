// 报告数据: the report's figures for a period and a unit subtree; each number opens the names or the
// teams behind it (GET /api/figures).
import { useState } from 'react';
import { Button, Card, Col, DatePicker, Drawer, Empty, Form, Row, Skeleton, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { analysisApi, type Figure } from '../../api/analysis';
import { poolsApi } from '../../api/pools';
import { useAuth } from '../../app/auth';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect';
import { fmtDate } from '../../shared/dates';

const ISO = 'YYYY-MM-DD';

function FigureCard({ f, onOpen }: { f: Figure; onOpen: () => void }) {
  const ratio = f.unit === '%' ? `${f.numerator ?? 0} / ${f.denominator ?? 0}` : null;
  return (
    <Tooltip title={`口径：${f.definition}。点击查看名单`}>
      <Card size="small" className="stat-card clickable" onClick={onOpen} data-testid={`figure-${f.key}`}>
        <Statistic title={f.label} value={f.value} suffix={<span style={{ fontSize: 14 }}>{f.unit}</span>} />
        <div className="muted" style={{ fontSize: 12 }}>
          {ratio ? `达到要求 ${ratio}` : '点击查看名单'}
        </div>
      </Card>
    </Tooltip>
  );
}

function FigureDrawer({ f, onClose }: { f: Figure | null; onClose: () => void }) {
  return (
    <Drawer open={!!f} onClose={onClose} size={640} title={f?.label} data-testid="figure-drawer">
      {f && (
        <>
          <Typography.Paragraph type="secondary">口径：{f.definition}</Typography.Paragraph>
          {f.people && (
            <Table
              size="small"
              rowKey={(p) => `${p.cadreId}-${p.detail}`}
              dataSource={f.people}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: <Empty description="期间内没有" /> }}
              columns={[
                { title: '姓名', dataIndex: 'name', width: 100, render: (v: string, p) => <Link to={`/cadres/${p.cadreId}`}>{v}</Link> },
                { title: '情况', dataIndex: 'detail' },
              ]}
              data-testid="figure-people"
            />
          )}
          {f.teams && (
            <Table
              size="small"
              rowKey="teamId"
              dataSource={f.teams}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: '单位', dataIndex: 'unitName', render: (v: string, t) => <Link to={`/units/${t.unitId}`}>{v}</Link> },
                { title: '班子', dataIndex: 'teamName' },
                {
                  title: '是否达到',
                  dataIndex: 'ok',
                  width: 100,
                  render: (ok: boolean) => (ok ? <Tag color="green">达到</Tag> : <Tag color="red">未达到</Tag>),
                },
              ]}
              data-testid="figure-teams"
            />
          )}
        </>
      )}
    </Drawer>
  );
}

export default function FiguresPage() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [unitId, setUnitId] = useState<number | undefined>();
  const [open, setOpen] = useState<Figure | null>(null);
  const q = { from: range[0].format(ISO), to: range[1].format(ISO), unitId };
  const figures = useQuery({ queryKey: ['figures', q], queryFn: () => analysisApi.figures(q) });
  const { user } = useAuth();
  const canPools = !!user?.permissions.includes('pool:read');
  // The pools' and young-cadre programme's figures (src/features/pools) in the same shape.
  const pools = useQuery({
    queryKey: ['pools', 'figures', q],
    enabled: canPools,
    queryFn: async (): Promise<Figure[]> =>
      (await poolsApi.figures(q)).figures.map((f) => ({
        key: `pools-${f.key}`,
        label: f.label,
        value: f.value,
        unit: '人',
        people: f.cadres.map((c) => ({ cadreId: c.id, name: c.name, detail: [c.unitName, c.currentPost].filter(Boolean).join(' ') })),
        definition: f.label,
      })),
  });
  const groups = [
    ...(canPools ? [{ title: '干部库与年轻干部', keys: (pools.data ?? []).map((f) => f.key) }] : []),
    { title: '选拔任用', keys: ['promotions', 'county-or-department-chiefs', 'congress-cppcc-chiefs', 'selected-graduate-township-chiefs'] },
    { title: '年轻干部', keys: ['young-county-promotions-share', 'young-section-chiefs', 'young-section-deputies'] },
    { title: '班子结构（期末）', keys: ['woman-county-party-government', 'woman-seven-departments', 'non-party-deputy-courts'] },
  ];
  const all = [...(figures.data?.figures ?? []), ...(pools.data ?? [])];
  const rest = all.filter((f) => !groups.some((g) => g.keys.includes(f.key)));
  return (
    <>
      <PageTitle title="报告数据" sub="干部工作报告中的数字：按期间和单位计算，点击数字查看名单" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="期间">
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              data-testid="figures-range"
            />
          </Form.Item>
          <Form.Item label="单位">
            <UnitTreeSelect value={unitId} onChange={setUnitId} width={240} placeholder="全部（含下级单位）" testId="figures-unit" />
          </Form.Item>
          <Form.Item>
            <Button onClick={() => figures.refetch()}>刷新</Button>
          </Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={figures.error} onRetry={() => figures.refetch()} />
      {figures.isLoading ? (
        <Skeleton active />
      ) : (
        [...groups, ...(rest.length ? [{ title: '其他', keys: rest.map((f) => f.key) }] : [])].map((g) => (
          <Card key={g.title} size="small" title={g.title} style={{ marginBottom: 16 }}>
            <Row gutter={[16, 16]}>
              {g.keys
                .map((k) => all.find((f) => f.key === k))
                .filter((f): f is Figure => !!f)
                .map((f) => (
                  <Col key={f.key} xs={24} md={12} xl={6}>
                    <FigureCard f={f} onOpen={() => setOpen(f)} />
                  </Col>
                ))}
            </Row>
          </Card>
        ))
      )}
      {figures.data && (
        <div className="muted" style={{ fontSize: 12 }}>
          {fmtDate(figures.data.from)} 至 {fmtDate(figures.data.to)}
          {figures.data.unitName ? ` · ${figures.data.unitName}（含下级单位）` : ' · 管理范围内全部单位'}
        </div>
      )}
      <FigureDrawer f={open} onClose={() => setOpen(null)} />
    </>
  );
}
