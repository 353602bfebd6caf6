// On the cadre profile: the cadre's pools, category list, chief reserve and young-cadre status.
import { useState } from 'react';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { poolsApi } from '../../api/pools';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { fmtDate } from '../../shared/dates';
import { useCan } from '../../shared/permissions';
import { CategoryTag } from './CategoriesTab';
import { CategoryMoveModal } from './CategoryMoveModal';
import { ReviewTag } from './common';

export function CadrePoolPanel({ cadreId, name }: { cadreId: number; name: string }) {
  const can = useCan();
  const [moving, setMoving] = useState(false);
  const q = useQuery({ queryKey: ['pools', 'status', cadreId], queryFn: () => poolsApi.status(cadreId) });
  const s = q.data;
  const current = s?.categories.find((c) => !c.endDate);
  const pools = s?.memberships.filter((m) => !m.removedOn) ?? [];
  const reserve = s?.reserve[0];
  const y = s?.young;
  const promising = y?.promising.find((p) => !p.withdrawnOn);
  const secondment = y?.secondments.find((x) => x.current);
  const mentors = y?.mentors.filter((m) => m.current) ?? [];
  return (
    <div className="profile-side" style={{ marginTop: 16 }}>
      <Card
        size="small"
        title="干部库与清单"
        data-testid="cadre-pool-panel"
        loading={q.isLoading}
        extra={
          can('pool:write') && (
            <Button size="small" type="link" onClick={() => setMoving(true)} data-testid="panel-move-category">
              调整清单
            </Button>
          )
        }
      >
        <ErrorAlert error={q.error} />
        {s && (
          <Descriptions
            size="small"
            column={1}
            styles={{ label: { width: 84 } }}
            items={[
              {
                key: 'pools',
                label: '五类干部库',
                children: pools.length ? (
                  <Space size={[0, 4]} wrap>
                    {pools.map((m) => (
                      <Tag key={m.id} title={`${fmtDate(m.addedOn)} 入库：${m.reason}`}>
                        {m.poolName}
                      </Tag>
                    ))}
                  </Space>
                ) : (
                  '—'
                ),
              },
              {
                key: 'category',
                label: '四类清单',
                children: current ? (
                  <Space direction="vertical" size={0}>
                    <span data-testid="panel-category">
                      <CategoryTag e={current} /> {fmtDate(current.startDate)} 起
                    </span>
                    <span className="muted">复核：{<ReviewTag state={current.reviewState} due={current.reviewDue} />}</span>
                  </Space>
                ) : (
                  '—'
                ),
              },
              { key: 'reserve', label: '正职后备', children: reserve ? `${reserve.statusName}（${reserve.readinessName}）` : '—' },
              {
                key: 'young',
                label: '年轻干部',
                children: (
                  <Space size={[0, 4]} wrap>
                    {y?.cohort ? <Tag>{y.cohort}</Tag> : '—'}
                    {promising && <Tag color="green">好苗子（{promising.sourceName}）</Tag>}
                    {secondment && <Tag color="blue">{secondment.directionName}</Tag>}
                  </Space>
                ),
              },
              ...(mentors.length ? [{ key: 'mentors', label: '导师', children: mentors.map((m) => m.mentorName).join('、') }] : []),
            ]}
          />
        )}
      </Card>
      {moving && <CategoryMoveModal cadre={{ id: cadreId, name }} current={current?.category} onClose={() => setMoving(false)} />}
    </div>
  );
}
