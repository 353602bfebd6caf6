// One leadership team: its posts with 核定 / 实配 / 空缺 and the holders; vacancies stand out.
import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, FileSearchOutlined, HistoryOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Holder, Post, Team } from '../../api/units';
import { fmtDate } from '../../shared/dates';
import { TeamAnalysisDrawer } from '../simulation/TeamAnalysisDrawer';

export interface TeamActions {
  canWriteUnit: boolean;
  canAppoint: boolean;
  /** viewing a past date: only reading */
  historical: boolean;
  /** the date the page shows (null: today), where 班子研判 starts */
  asOf?: string | null;
  onEditTeam: (t: Team) => void;
  onAddPost: (t: Team) => void;
  onEditPost: (t: Team, p: Post) => void;
  onAppoint: (t: Team, p: Post) => void;
  onEnd: (p: Post, h: Holder) => void;
  onHistory: (p: Post) => void;
}

function Holders({ post, team, a }: { post: Post; team: Team; a: TeamActions }) {
  const vacant = Math.max(post.vacant, 0);
  return (
    <div>
      {post.holders.map((h) => (
        <div key={h.appointmentId} className="holder-line" data-testid={`holder-${h.appointmentId}`}>
          <Link to={`/cadres/${h.cadreId}`} className="holder-name" data-testid="holder-link">
            {h.name}
          </Link>
          <span className="muted nowrap">{fmtDate(h.startDate)}任</span>
          {h.startDocNo && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: h.startDocNo }} className="holder-doc">
              {h.startDocNo}
            </Typography.Text>
          )}
          {h.endDate && <Tag style={{ marginInlineEnd: 0 }}>{fmtDate(h.endDate)}免</Tag>}
          {a.canAppoint && !a.historical && !h.endDate && (
            <Button
              type="link"
              size="small"
              danger
              onClick={() => a.onEnd(post, h)}
              className="holder-op"
              data-testid={`end-button-${h.appointmentId}`}
            >
              免职
            </Button>
          )}
        </div>
      ))}
      {vacant > 0 && (
        <div className="holder-line vacancy-slot">
          <Tag color="error" variant="outlined" style={{ marginInlineEnd: 0 }}>
            空缺 {vacant} 名
          </Tag>
          {a.canAppoint && !a.historical && (
            <Button
              type="link"
              size="small"
              icon={<UserAddOutlined />}
              onClick={() => a.onAppoint(team, post)}
              className="holder-op"
              data-testid={`appoint-button-${post.id}`}
            >
              任职
            </Button>
          )}
        </div>
      )}
      {post.holders.length === 0 && vacant === 0 && <span className="muted">—</span>}
    </div>
  );
}

export function TeamCard({ team, a }: { team: Team; a: TeamActions }) {
  const t = team.totals;
  const [analysing, setAnalysing] = useState(false);
  const columns = [
    {
      title: '职位',
      dataIndex: 'title',
      width: 120,
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    { title: '职务层次', dataIndex: 'levelName', width: 100, ellipsis: true },
    {
      title: '正/副职',
      dataIndex: 'isChief',
      width: 68,
      align: 'center' as const,
      render: (v: boolean) => (v ? <Tag color="red">正职</Tag> : <Tag>副职</Tag>),
    },
    { title: '核定职数', dataIndex: 'quota', width: 76, align: 'center' as const },
    {
      title: '实配',
      dataIndex: 'filled',
      width: 52,
      align: 'center' as const,
      render: (v: number, p: Post) =>
        p.overQuota > 0 ? (
          <Tooltip title={`超职数配备 ${p.overQuota} 名`}>
            <Tag color="orange">{v}</Tag>
          </Tooltip>
        ) : (
          v
        ),
    },
    {
      title: '空缺',
      dataIndex: 'vacant',
      width: 52,
      align: 'center' as const,
      render: (v: number, p: Post) => (
        <span className={v > 0 ? 'vacancy-cell' : 'muted'} data-testid={`vacancy-${p.id}`} data-vacant={v}>
          {v > 0 ? v : 0}
        </span>
      ),
    },
    { title: '在任干部（任职时间、文号）', key: 'holders', render: (_: unknown, p: Post) => <Holders post={p} team={team} a={a} /> },
    {
      title: '操作',
      key: 'ops',
      width: 76,
      render: (_: unknown, p: Post) => (
        <Space size={0}>
          <Tooltip title="任职历史">
            <Button
              type="text"
              size="small"
              icon={<HistoryOutlined />}
              onClick={() => a.onHistory(p)}
              aria-label="任职历史"
              data-testid={`post-history-${p.id}`}
            />
          </Tooltip>
          {a.canWriteUnit && !a.historical && (
            <Tooltip title="修改职位">
              <Button
                type="text"
                size="small"
                icon={<EditOutlined />}
                onClick={() => a.onEditPost(team, p)}
                aria-label="修改职位"
                data-testid={`post-edit-${p.id}`}
              />
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`team-${team.id}`}
      title={
        <Space wrap>
          <span>{team.name}</span>
          <Tag>{team.kind}</Tag>
          <span className="muted" style={{ fontWeight: 'normal', fontSize: 13 }}>
            核定 {t.quota} · 实配 {t.filled} · 空缺 <span className={t.vacant > 0 ? 'vacancy-cell' : undefined}>{t.vacant}</span>
            {t.overQuota > 0 && <> · 超配 {t.overQuota}</>}
          </span>
          {t.chiefVacant && <Tag color="red">正职空缺</Tag>}
        </Space>
      }
      extra={
        <Space size={4}>
          <Button size="small" icon={<FileSearchOutlined />} onClick={() => setAnalysing(true)} data-testid={`team-analysis-${team.id}`}>
            班子研判
          </Button>
          {a.canWriteUnit && !a.historical && (
            <>
              <Button size="small" icon={<PlusOutlined />} onClick={() => a.onAddPost(team)} data-testid={`post-add-${team.id}`}>
                新建职位
              </Button>
              <Button size="small" icon={<EditOutlined />} onClick={() => a.onEditTeam(team)}>
                修改班子
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Table<Post>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={team.posts}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 740 }}
        rowClassName={(p) => (p.vacant > 0 ? 'vacancy-row' : '')}
        locale={{ emptyText: '该班子尚未设置职位' }}
        data-testid="team-posts-table"
      />
      {analysing && <TeamAnalysisDrawer teamId={team.id} teamName={team.name} asOf={a.asOf} onClose={() => setAnalysing(false)} />}
    </Card>
  );
}
