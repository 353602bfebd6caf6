// 结构分析: the cadre structure of a unit subtree (or the whole scope) on a date. Every bar and slice
// opens the names behind it: cadres in the cadre search, vacant posts in a drawer.
import { useMemo, useState } from 'react';
import { Alert, Card, Col, DatePicker, Drawer, Empty, Form, Row, Skeleton, Statistic, Table, Tag, TreeSelect, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import type { EChartsCoreOption } from 'echarts/core';
import { structureApi, type StatItem, type StructureStats, type VacantPost } from '../../api/stats';
import { useUnitTreeOptions } from '../../shared/UnitTreeSelect';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { EChart, type ChartClick } from '../../shared/EChart';
import { DATE_FORMAT, fmtDate } from '../../shared/dates';
import { barOption, pieOption } from '../home/charts';
import { searchUrl } from '../home/searchUrl';
import { MEN, WOMEN, pyramidOption, vacancyOption } from './structureCharts';

function ChartCard(props: {
  title: string;
  testId: string;
  empty: boolean;
  option: EChartsCoreOption;
  onClick: (p: ChartClick) => void;
  height?: number;
  note?: React.ReactNode;
}) {
  return (
    <Card
      title={props.title}
      size="small"
      data-testid={props.testId}
      extra={
        props.note ??
        (props.empty ? null : (
          <span className="muted" style={{ fontSize: 12 }}>
            点击图形查看名单
          </span>
        ))
      }
    >
      {props.empty ? (
        <Empty description="暂无数据" style={{ height: props.height ?? 280, paddingTop: 80, margin: 0 }} />
      ) : (
        <EChart option={props.option} height={props.height ?? 280} renderer="svg" testId={`${props.testId}-chart`} onClick={props.onClick} />
      )}
    </Card>
  );
}

const allZero = (items: { count: number }[]) => items.every((i) => i.count === 0);

function Charts({ s, onVacancies }: { s: StructureStats; onVacancies: (level: { code: string; label: string }) => void }) {
  const navigate = useNavigate();
  const open = (item: StatItem | undefined) => item?.filter && navigate(searchUrl(item.filter));
  // Cadres without a 职务层次 (科员 and the like hold a rank only) would dwarf the levels: a link instead.
  const levels = useMemo(() => s.byLevel.filter((l) => l.key !== 'none'), [s]);
  const opts = useMemo(
    () => ({
      pyramid: pyramidOption(s.agePyramid),
      gender: pieOption(s.gender, [MEN, WOMEN]),
      party: pieOption(s.party, ['#c62828', '#f59e0b']),
      education: pieOption(s.education),
      level: barOption(levels, '#0e7490', true),
      vacancy: vacancyOption(s.vacancies),
    }),
    [s, levels],
  );
  const unset = s.byLevel.find((l) => l.key === 'none');
  const pyramidEmpty = s.agePyramid.every((b) => b.men.count + b.women.count === 0);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <ChartCard
          title="年龄结构（按性别）"
          testId="chart-pyramid"
          empty={pyramidEmpty}
          option={opts.pyramid}
          height={320}
          onClick={({ dataIndex, seriesIndex }) => open(seriesIndex === 0 ? s.agePyramid[dataIndex]?.men : s.agePyramid[dataIndex]?.women)}
        />
      </Col>
      <Col xs={24} xl={10}>
        <ChartCard
          title="性别结构"
          testId="chart-gender"
          empty={allZero(s.gender)}
          option={opts.gender}
          height={320}
          onClick={({ dataIndex }) => open(s.gender[dataIndex])}
        />
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard
          title="学历结构（最高学历）"
          testId="chart-education"
          empty={allZero(s.education)}
          option={opts.education}
          onClick={({ dataIndex }) => open(s.education[dataIndex])}
        />
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard
          title="党员与党外干部"
          testId="chart-party"
          empty={allZero(s.party)}
          option={opts.party}
          onClick={({ dataIndex }) => open(s.party[dataIndex])}
        />
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard
          title="职务层次"
          testId="chart-level"
          empty={allZero(levels)}
          option={opts.level}
          onClick={({ dataIndex }) => open(levels[dataIndex])}
          note={
            unset && unset.count > 0 ? (
              <Typography.Link onClick={() => open(unset)} style={{ fontSize: 12 }} data-testid="level-unset">
                另有 {unset.count} 名未定职务层次
              </Typography.Link>
            ) : undefined
          }
        />
      </Col>
      <Col span={24}>
        <ChartCard
          title="职位配备与空缺（按职位的职务层次）"
          testId="chart-vacancy"
          empty={s.vacancies.length === 0}
          option={opts.vacancy}
          height={Math.max(200, 60 + s.vacancies.length * 36)}
          onClick={({ dataIndex }) => {
            const l = s.vacancies[dataIndex];
            if (l) onVacancies({ code: l.levelCode, label: l.label });
          }}
        />
      </Col>
    </Row>
  );
}

function VacancyDrawer({
  unitId,
  asOf,
  level,
  onClose,
}: {
  unitId?: number;
  asOf: string;
  level: { code: string; label: string };
  onClose: () => void;
}) {
  const q = useQuery({
    queryKey: ['stats', 'vacancies', unitId, asOf, level.code],
    queryFn: () => structureApi.vacancies({ unitId, asOf, level: level.code }),
  });
  return (
    <Drawer open size="large" title={`${level.label} 有空缺的职位 · ${fmtDate(asOf)}`} onClose={onClose} data-testid="vacancy-drawer">
      {q.error ? <ErrorAlert error={q.error} /> : null}
      <Table<VacantPost>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items}
        pagination={false}
        locale={{ emptyText: '该层次没有空缺职位' }}
        columns={[
          { title: '单位', dataIndex: 'unitName', render: (v: string, p) => <Link to={`/units/${p.unitId}?asOf=${asOf}`}>{v}</Link> },
          { title: '班子', dataIndex: 'teamName' },
          { title: '职位', dataIndex: 'title', render: (v: string, p) => (p.isChief ? <Tag color="red">{v}</Tag> : v) },
          { title: '核定', dataIndex: 'quota', width: 60, align: 'right' },
          { title: '实配', dataIndex: 'filled', width: 60, align: 'right' },
          { title: '空缺', dataIndex: 'vacant', width: 60, align: 'right', render: (v: number) => <span className="vacancy-cell">{v}</span> },
        ]}
      />
      {q.data && q.data.total > q.data.items.length && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          共 {q.data.total} 个，仅列出前 {q.data.items.length} 个。
        </Typography.Paragraph>
      )}
    </Drawer>
  );
}

export default function StructurePage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const unitId = params.get('unitId') ? Number(params.get('unitId')) : undefined;
  const asOf = params.get('asOf') ?? undefined;
  const [vacancyLevel, setVacancyLevel] = useState<{ code: string; label: string } | null>(null);
  const { options: unitOptions, loading: unitsLoading } = useUnitTreeOptions();
  const q = useQuery({ queryKey: ['stats', 'structure', unitId, asOf], queryFn: () => structureApi.structure({ unitId, asOf }) });
  const s = q.data;

  const set = (k: string, v: string | undefined) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v);
    else p.delete(k);
    setParams(p, { replace: true });
  };
  const women = s?.gender.find((g) => g.key === 'women');
  const nonParty = s?.party.find((g) => g.key === 'nonParty');
  const vacant = s?.vacancies.reduce((n, l) => n + l.vacant, 0) ?? 0;

  return (
    <div data-testid="structure-page">
      <PageTitle
        title="结构分析"
        sub={s ? `${s.unit ? `${s.unit.name}（含下级单位）` : '管理范围内全部单位'} · 统计日期 ${fmtDate(s.asOf)}` : '干部队伍结构'}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline">
          <Form.Item label="单位">
            <TreeSelect
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeData={unitOptions}
              value={unitId}
              onChange={(v?: number) => set('unitId', v ? String(v) : undefined)}
              placeholder="管理范围内全部单位"
              style={{ width: 320 }}
              popupMatchSelectWidth={400}
              loading={unitsLoading}
              data-testid="structure-unit"
            />
          </Form.Item>
          <Form.Item label="统计日期">
            <DatePicker
              value={asOf ? dayjs(asOf) : null}
              format={DATE_FORMAT}
              placeholder="今天"
              onChange={(d) => set('asOf', d ? d.format('YYYY-MM-DD') : undefined)}
              data-testid="structure-asof"
            />
          </Form.Item>
          <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
            年龄按统计日期计算，职位配备按统计日期在任情况
          </Typography.Text>
        </Form>
      </Card>
      {q.error ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} /> : null}
      {s?.peopleNote && <Alert type="warning" showIcon title={s.peopleNote} style={{ marginBottom: 16 }} data-testid="structure-people-note" />}
      {q.isLoading && (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      )}
      {s && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {[
              {
                key: 'total',
                title: '在职干部',
                value: s.total.count,
                suffix: '人',
                onClick: () => s.total.filter && navigate(searchUrl(s.total.filter)),
              },
              { key: 'age', title: '平均年龄', value: s.averageAge ?? '—', suffix: '岁' },
              {
                key: 'women',
                title: '女干部',
                value: women?.count ?? 0,
                suffix: `人 · ${((women?.share ?? 0) * 100).toFixed(1)}%`,
                onClick: () => women?.filter && navigate(searchUrl(women.filter)),
              },
              {
                key: 'nonParty',
                title: '党外干部',
                value: nonParty?.count ?? 0,
                suffix: `人 · ${((nonParty?.share ?? 0) * 100).toFixed(1)}%`,
                onClick: () => nonParty?.filter && navigate(searchUrl(nonParty.filter)),
              },
              { key: 'vacant', title: '空缺职数', value: vacant, suffix: '名' },
            ].map((c) => (
              <Col key={c.key} xs={12} md={8} xl={4}>
                <Card size="small" className={`stat-card${c.onClick ? ' clickable' : ''}`} onClick={c.onClick} data-testid={`structure-${c.key}`}>
                  <Statistic title={c.title} value={c.value} suffix={<span style={{ fontSize: 13 }}>{c.suffix}</span>} />
                </Card>
              </Col>
            ))}
          </Row>
          <Charts s={s} onVacancies={setVacancyLevel} />
        </>
      )}
      {vacancyLevel && s && <VacancyDrawer unitId={unitId} asOf={s.asOf} level={vacancyLevel} onClose={() => setVacancyLevel(null)} />}
    </div>
  );
}
