// Beside the form: identifiers, level and rank, authority, tags, rank history and appointments.
import { Card, Descriptions, Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { cadresApi, CADRE_STATUSES, type Cadre } from '../../api/cadres';
import { fmtDate } from '../../shared/dates';
import { ErrorAlert } from '../../shared/ErrorAlert';

type RankRow = Cadre['ranks'][number];

function since(d: string | null) {
  return d ? <span className="muted">（{fmtDate(d)} 起）</span> : null;
}

export function CadreSide({ c }: { c: Cadre }) {
  const appts = useQuery({ queryKey: ['cadre-appointments', c.id], queryFn: () => cadresApi.appointments(c.id) });
  const ranks = [...c.ranks].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return (
    <div className="profile-side">
      <Card size="small" title="基本信息" data-testid="cadre-side-info">
        <Descriptions
          size="small"
          column={1}
          styles={{ label: { width: 84 } }}
          items={[
            { key: 'id', label: '身份证号', children: <span data-testid="cadre-idcard-view">{c.idCard}</span> },
            {
              key: 'status',
              label: '状态',
              children: c.status === 'active' ? <Tag color="green">在职</Tag> : <Tag>{CADRE_STATUSES[c.status] ?? c.status}</Tag>,
            },
            { key: 'political', label: '政治面貌', children: c.politicalName || '—' },
            {
              key: 'level',
              label: '职务层次',
              children: c.levelName ? (
                <span>
                  {c.levelName}
                  {since(c.levelSince)}
                </span>
              ) : (
                '—'
              ),
            },
            {
              key: 'rank',
              label: '职级',
              children: c.rankName ? (
                <span>
                  {c.rankName}
                  {since(c.rankSince)}
                </span>
              ) : (
                '—'
              ),
            },
            { key: 'edu', label: '最高学历', children: c.highestEducationName || '—' },
            { key: 'unit', label: '工作单位', children: c.unitId ? <Link to={`/units/${c.unitId}`}>{c.unitName}</Link> : '—' },
            { key: 'auth', label: '管理权限', children: c.authorityName },
            {
              key: 'tags',
              label: '标签',
              children: c.tags.length ? (
                <Space size={[4, 4]} wrap>
                  {c.tags.map((t) => (
                    <Link key={t} to={`/cadres?tag=${encodeURIComponent(t)}`}>
                      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                        {t}
                      </Tag>
                    </Link>
                  ))}
                </Space>
              ) : (
                '—'
              ),
            },
          ]}
        />
      </Card>

      <Card size="small" title="职级任职经历" data-testid="cadre-side-ranks">
        <Table<RankRow>
          size="small"
          rowKey={(r) => `${r.rankCode}-${r.startDate}`}
          dataSource={ranks}
          pagination={false}
          locale={{ emptyText: '无职级记录' }}
          columns={[
            { title: '职级', dataIndex: 'rankName', render: (v: string, r) => (r.endDate ? v : <Typography.Text strong>{v}</Typography.Text>) },
            {
              title: '起止',
              key: 'span',
              render: (_: unknown, r) => (
                <span className="nowrap">
                  {fmtDate(r.startDate)} — {r.endDate ? fmtDate(r.endDate) : '今'}
                </span>
              ),
            },
          ]}
        />
      </Card>

      <Card size="small" title="任职记录" data-testid="cadre-side-appointments">
        {appts.error ? <ErrorAlert error={appts.error} /> : null}
        {appts.data && appts.data.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无任职记录" />}
        {appts.data && appts.data.length > 0 && (
          <Timeline
            style={{ marginTop: 8 }}
            items={appts.data.map((a) => ({
              key: a.appointmentId,
              color: a.current ? 'green' : 'gray',
              content: (
                <div>
                  <div>
                    <Link to={`/units/${a.unitId}`}>{a.unitName}</Link> {a.postTitle} {a.current && <Tag color="green">在任</Tag>}
                  </div>
                  <div className="muted" style={{ fontSize: 12 }}>
                    {fmtDate(a.startDate)} — {a.endDate ? fmtDate(a.endDate) : '今'} · {a.levelName}
                    {a.startDocNo ? ` · ${a.startDocNo}` : ''}
                  </div>
                  {a.endReason && (
                    <div className="muted" style={{ fontSize: 12 }}>
                      免职原因：{a.endReason}
                    </div>
                  )}
                </div>
              ),
            }))}
          />
        )}
      </Card>

      {c.remarks && (
        <Card size="small" title="备注">
          <div style={{ whiteSpace: 'pre-wrap' }}>{c.remarks}</div>
        </Card>
      )}
    </div>
  );
}
