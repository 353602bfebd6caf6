// 班子研判: a team's structure summary and rule findings as of a chosen date, from the unit page.
import { useState } from 'react';
import { Button, DatePicker, Drawer, Space, Spin, Typography } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { simulationApi } from '../../api/simulation';
import { chinaToday, dateOf, DATE_FORMAT, fmtDate, toDayjs } from '../../shared/dates';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useCan } from '../../shared/permissions';
import { FindingsList, MembersTable, nameIndex, StructureTable } from './structureView';

export function TeamAnalysisDrawer({
  teamId,
  teamName,
  asOf: initial,
  onClose,
}: {
  teamId: number;
  teamName: string;
  asOf?: string | null;
  onClose: () => void;
}) {
  const [asOf, setAsOf] = useState(initial ?? chinaToday());
  const can = useCan();
  const q = useQuery({ queryKey: ['teams', teamId, 'structure', asOf], queryFn: () => simulationApi.structure(teamId, asOf) });
  const d = q.data;
  return (
    <Drawer
      open
      onClose={onClose}
      size={960}
      title={`班子研判：${teamName}`}
      data-testid="team-analysis"
      extra={
        <Space>
          <span className="muted">研判日期</span>
          <DatePicker
            value={toDayjs(asOf)}
            format={DATE_FORMAT}
            allowClear={false}
            onChange={(v) => v && setAsOf(dateOf(v)!)}
            data-testid="team-analysis-date"
          />
          {can('cadre:read') && (
            <Link to={`/simulation?teamId=${teamId}`}>
              <Button icon={<ExperimentOutlined />} data-testid="team-analysis-simulate">
                模拟调配
              </Button>
            </Link>
          )}
        </Space>
      }
    >
      {q.error ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} /> : null}
      {q.isLoading && <Spin />}
      {d && (
        <>
          <Typography.Title level={5}>班子结构（{fmtDate(d.asOf)}）</Typography.Title>
          <StructureTable states={[{ title: `${d.unitName} · 现状`, structure: d.structure }]} testId="team-structure" />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            研判结论（{d.findings.length} 项）
          </Typography.Title>
          <FindingsList findings={d.findings} names={nameIndex(d.structure.members)} testId="team-findings" />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            班子成员
          </Typography.Title>
          <MembersTable members={d.structure.members} />
        </>
      )}
    </Drawer>
  );
}
