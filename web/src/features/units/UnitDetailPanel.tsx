// The selected unit: path, summary, an "as of" date for history, and its teams.
import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, DatePicker, Descriptions, Empty, Skeleton, Space, Tag, Tooltip } from 'antd';
import { EditOutlined, PlusOutlined, HistoryOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { unitsApi, type Holder, type Post, type Team } from '../../api/units';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { DATE_FORMAT, chinaToday, dateOf, fmtDate, toDayjs } from '../../shared/dates';
import { useCan } from '../../shared/permissions';
import { TeamCard, type TeamActions } from './TeamCard';
import { AppointModal, EndModal, PostModal, TeamModal, UnitModal } from './unitModals';
import { PostHistoryDrawer } from './PostHistoryDrawer';

type Dialog =
  | { kind: 'editUnit' }
  | { kind: 'addChild' }
  | { kind: 'addTeam' }
  | { kind: 'editTeam'; team: Team }
  | { kind: 'addPost'; team: Team }
  | { kind: 'editPost'; team: Team; post: Post }
  | { kind: 'appoint'; team: Team; post: Post }
  | { kind: 'end'; post: Post; holder: Holder }
  | { kind: 'history'; post: Post };

interface Props {
  unitId: number;
  asOf: string | null;
  onAsOf: (d: string | null) => void;
  onSelectUnit: (id: number) => void;
}

export function UnitDetailPanel({ unitId, asOf, onAsOf, onSelectUnit }: Props) {
  const can = useCan();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const q = useQuery({ queryKey: ['units', unitId, asOf ?? 'today'], queryFn: () => unitsApi.unit(unitId, asOf ?? undefined) });
  const historical = !!asOf && asOf < chinaToday();
  const close = () => setDialog(null);

  if (q.isLoading) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data;
  if (!d) return null;
  const u = d.unit;
  const canWriteUnit = can('unit:write');

  const actions: TeamActions = {
    canWriteUnit,
    canAppoint: can('appointment:write'),
    historical,
    asOf,
    onEditTeam: (team) => setDialog({ kind: 'editTeam', team }),
    onAddPost: (team) => setDialog({ kind: 'addPost', team }),
    onEditPost: (team, post) => setDialog({ kind: 'editPost', team, post }),
    onAppoint: (team, post) => setDialog({ kind: 'appoint', team, post }),
    onEnd: (post, holder) => setDialog({ kind: 'end', post, holder }),
    onHistory: (post) => setDialog({ kind: 'history', post }),
  };

  return (
    <div data-testid="unit-detail">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[...d.ancestors, { id: u.id, name: u.name }].map((a, i, all) => ({
          key: a.id,
          title: i < all.length - 1 ? <a onClick={() => onSelectUnit(a.id)}>{a.name}</a> : a.name,
        }))}
        data-testid="unit-breadcrumb"
      />
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={
          <Space wrap>
            <span style={{ fontSize: 17 }} data-testid="unit-name">
              {u.name}
            </span>
            <Tag color="blue">{u.kind}</Tag>
            <Tag>{u.tierName}</Tag>
          </Space>
        }
        extra={
          <Tooltip title="查看历史：该日期在任的班子成员">
            <DatePicker
              format={DATE_FORMAT}
              placeholder="查看历史"
              value={toDayjs(asOf)}
              onChange={(v) => onAsOf(v ? dateOf(v) : null)}
              disabledDate={(x) => x.isAfter(dayjs(), 'day')}
              prefix={<HistoryOutlined />}
              style={{ width: 160 }}
              data-testid="unit-asof"
            />
          </Tooltip>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'auth', label: '干部管理权限', children: u.authorityName },
            { key: 'teams', label: '领导班子', children: `${d.teams.length} 个` },
            {
              key: 'staff',
              label: '职数配备',
              children: (
                <span>
                  核定 {d.totals.quota}，实配 {d.totals.filled}，空缺{' '}
                  <span className={d.totals.vacant > 0 ? 'vacancy-cell' : undefined}>{d.totals.vacant}</span>
                  {d.totals.overQuota > 0 ? `，超配 ${d.totals.overQuota}` : ''}
                </span>
              ),
            },
            { key: 'asof', label: '统计日期', children: fmtDate(d.asOf) },
          ]}
        />
        {d.children.length > 0 && (
          <div style={{ marginTop: 8 }}>
            <span className="muted">下级单位：</span>
            <Space size={[4, 4]} wrap>
              {d.children.map((c) => (
                <Tag key={c.id} style={{ cursor: 'pointer' }} onClick={() => onSelectUnit(c.id)}>
                  {c.name}
                </Tag>
              ))}
            </Space>
          </div>
        )}
        {canWriteUnit && (
          <div className="unit-actions">
            <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'addChild' })} data-testid="unit-add-child">
              新建下级单位
            </Button>
            <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'editUnit' })} data-testid="unit-edit">
              修改单位
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'addTeam' })}
              disabled={historical}
              data-testid="team-add"
            >
              新建班子
            </Button>
          </div>
        )}
      </Card>

      {historical && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`正在查看 ${fmtDate(asOf)} 的班子配备情况（历史），不能在此办理任免。`}
          action={
            <Button size="small" onClick={() => onAsOf(null)}>
              回到今天
            </Button>
          }
          data-testid="unit-history-alert"
        />
      )}

      {d.teams.length === 0 ? (
        <Card>
          <Empty description="该单位尚未设置领导班子">
            {canWriteUnit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'addTeam' })}>
                新建班子
              </Button>
            )}
          </Empty>
        </Card>
      ) : (
        d.teams.map((t) => <TeamCard key={t.id} team={t} a={actions} />)
      )}

      {dialog?.kind === 'editUnit' && <UnitModal unit={u} onClose={close} />}
      {dialog?.kind === 'addChild' && <UnitModal parent={u} onClose={close} onCreated={onSelectUnit} />}
      {dialog?.kind === 'addTeam' && <TeamModal unit={u} onClose={close} />}
      {dialog?.kind === 'editTeam' && <TeamModal unit={u} team={dialog.team} onClose={close} />}
      {dialog?.kind === 'addPost' && <PostModal team={dialog.team} onClose={close} />}
      {dialog?.kind === 'editPost' && <PostModal team={dialog.team} post={dialog.post} onClose={close} />}
      {dialog?.kind === 'appoint' && <AppointModal team={dialog.team} post={dialog.post} onClose={close} />}
      {dialog?.kind === 'end' && <EndModal post={dialog.post} holder={dialog.holder} onClose={close} />}
      {dialog?.kind === 'history' && <PostHistoryDrawer postId={dialog.post.id} onClose={close} />}
    </div>
  );
}
