// 首页: the figures that matter and the structure of the cadre team; a figure opens the cadres behind it.
import { useMemo } from 'react';
import { Card, Col, Empty, Row, Skeleton, Statistic, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { EChartsCoreOption } from 'echarts/core';
import { statsApi, type StatItem, type StatsOverview } from '../../api/stats';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { EChart } from '../../shared/EChart';
import { fmtDate } from '../../shared/dates';
import { barOption, pieOption } from './charts';
import { searchUrl } from './searchUrl';
import { ReviewReminder } from '../pools/ReviewReminder';

const pct = (share: number | undefined) => (share === undefined ? '' : `${(share * 100).toFixed(1)}%`);

function FigureCard({ item, unit = '人', showShare = true, note }: { item: StatItem; unit?: string; showShare?: boolean; note?: string }) {
  const navigate = useNavigate();
  const clickable = !!item.filter;
  const card = (
    <Card
      className={`stat-card${clickable ? ' clickable' : ''}`}
      onClick={clickable ? () => navigate(searchUrl(item.filter)) : undefined}
      data-testid={`stat-${item.key}`}
      size="small"
    >
      <Statistic title={item.label} value={item.count} suffix={<span style={{ fontSize: 14 }}>{unit}</span>} />
      {showShare && item.share !== undefined && item.key !== 'total' && (
        <div className="muted" style={{ fontSize: 12 }}>
          {note ? `${note} · ` : ''}占 {pct(item.share)}
        </div>
      )}
      {item.key === 'total' && (
        <div className="muted" style={{ fontSize: 12 }}>
          管理范围内
        </div>
      )}
    </Card>
  );
  return clickable ? <Tooltip title="点击查看名单">{card}</Tooltip> : card;
}

function ChartCard({ title, items, option, testId }: { title: string; items: StatItem[]; option: EChartsCoreOption; testId: string }) {
  const navigate = useNavigate();
  const empty = items.length === 0 || items.every((i) => i.count === 0);
  return (
    <Card
      title={title}
      size="small"
      data-testid={testId}
      extra={
        items.some((i) => i.filter) && !empty ? (
          <span className="muted" style={{ fontSize: 12 }}>
            点击图形查看名单
          </span>
        ) : null
      }
    >
      {empty ? (
        <Empty description="暂无数据" style={{ height: 260, paddingTop: 70, margin: 0 }} />
      ) : (
        <EChart
          option={option}
          height={260}
          testId={`${testId}-canvas`}
          onClick={({ dataIndex }) => {
            const f = items[dataIndex]?.filter;
            if (f) navigate(searchUrl(f));
          }}
        />
      )}
    </Card>
  );
}

/** 男/女 from the total and 女干部 (the overview has no separate gender group). */
function genderItems(o: StatsOverview): StatItem[] {
  const women = o.structure.find((s) => s.key === 'women');
  if (!women) return [];
  const base = o.total.filter ?? { status: 'active' };
  return [
    { key: 'men', label: '男', count: o.total.count - women.count, filter: { ...base, gender: '1' } },
    { key: 'women', label: '女', count: women.count, filter: women.filter },
  ];
}

function Charts({ o }: { o: StatsOverview }) {
  const gender = useMemo(() => genderItems(o), [o]);
  const levels = useMemo(() => o.byLevel.filter((l) => l.key !== 'none'), [o]);
  const unset = o.byLevel.find((l) => l.key === 'none')?.count ?? 0;
  const opts = useMemo(
    () => ({
      age: barOption(o.byAge, '#1f5fbf'),
      gender: pieOption(gender, ['#1f5fbf', '#e05a76']),
      level: barOption(levels, '#c62828', true),
      education: pieOption(o.byEducation),
      authority: barOption(o.byAuthority, '#0e7490', true),
    }),
    [o, gender, levels],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <ChartCard title="年龄结构" items={o.byAge} option={opts.age} testId="chart-age" />
      </Col>
      <Col xs={24} xl={10}>
        <ChartCard title="性别结构" items={gender} option={opts.gender} testId="chart-gender" />
      </Col>
      <Col xs={24} xl={14}>
        <ChartCard title={unset ? `职务层次（另有 ${unset} 名未定职务层次）` : '职务层次'} items={levels} option={opts.level} testId="chart-level" />
      </Col>
      <Col xs={24} xl={10}>
        <ChartCard title="学历结构（最高学历）" items={o.byEducation} option={opts.education} testId="chart-education" />
      </Col>
      {o.byAuthority.length > 1 && (
        <Col xs={24} xl={14}>
          <ChartCard title="按干部管理权限" items={o.byAuthority} option={opts.authority} testId="chart-authority" />
        </Col>
      )}
      <Col xs={24} xl={o.byAuthority.length > 1 ? 10 : 24}>
        <TeamsCard items={o.teams} />
      </Col>
    </Row>
  );
}

function TeamsCard({ items }: { items: StatItem[] }) {
  const navigate = useNavigate();
  const warn = new Set(['vacant', 'overQuota', 'chiefVacantTeams']);
  return (
    <Card
      title="班子职数配备"
      size="small"
      data-testid="teams-card"
      extra={<Typography.Link onClick={() => navigate('/units')}>查看单位班子</Typography.Link>}
    >
      <Row gutter={[12, 20]} style={{ minHeight: 260, alignContent: 'center' }}>
        {items.map((i) => (
          <Col span={8} key={i.key}>
            <Statistic
              title={i.label}
              value={i.count}
              styles={{ content: warn.has(i.key) && i.count > 0 ? { color: '#cf1322' } : undefined }}
              suffix={<span style={{ fontSize: 13 }}>{['units', 'teams', 'chiefVacantTeams'].includes(i.key) ? '个' : '名'}</span>}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

export default function DashboardPage() {
  const q = useQuery({ queryKey: ['stats', 'overview'], queryFn: statsApi.overview, staleTime: 5 * 60_000 });
  const o = q.data;
  const young = o?.byAge.find((a) => a.key === 'age35');
  return (
    <div data-testid="dashboard">
      <PageTitle title="首页" sub={o ? `干部队伍概况 · 统计日期 ${fmtDate(o.asOf)}` : '干部队伍概况'} />
      <ReviewReminder />
      {q.error ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} /> : null}
      {q.isLoading && (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      )}
      {o && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={8} xl={4}>
              <FigureCard item={o.total} />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small" className="stat-card" data-testid="stat-averageAge">
                <Statistic
                  title="平均年龄"
                  value={o.averageAge ?? '—'}
                  precision={o.averageAge === null ? undefined : 1}
                  suffix={<span style={{ fontSize: 14 }}>岁</span>}
                />
                <div className="muted" style={{ fontSize: 12 }}>
                  按统计日期计算
                </div>
              </Card>
            </Col>
            {o.structure.map((i) => (
              <Col key={i.key} xs={12} md={8} xl={4}>
                <FigureCard item={i} />
              </Col>
            ))}
            {young && (
              <Col xs={12} md={8} xl={4}>
                <FigureCard item={{ ...young, key: 'young', label: '年轻干部' }} note={young.label} />
              </Col>
            )}
            {o.total.count === 0 && (
              <Col span={24}>
                <Card>
                  <Empty description="管理范围内尚无在职干部" />
                </Card>
              </Col>
            )}
          </Row>
          <Charts o={o} />
        </>
      )}
    </div>
  );
}
