// One simulated adjustment plan: moves in (a cadre and a post of the team) and out (a member) on a
// scratch copy, evaluated at once against today — structure, vacancies, findings, 回避 — side by side.
// Unsaved moves are evaluated through POST /api/adjustment-plans/evaluate; 保存方案 stores them.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Input, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, LoginOutlined, LogoutOutlined, SaveOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { simulationApi, type Finding, type Move } from '../../api/simulation';
import { CadrePicker } from '../../shared/CadrePicker';
import { dateOf, DATE_FORMAT, fmtDate, toDayjs } from '../../shared/dates';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { PageTitle } from '../../shared/PageTitle';
import { RULE_NAMES } from '../../api/analysis';
import { AVOIDANCE_RULES, FindingsList, MembersTable, nameIndex, StructureTable } from './structureView';

interface DraftMove extends Move {
  cadreName?: string;
}

export default function PlanPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const plan = useQuery({ queryKey: ['adjustment-plans', id], queryFn: () => simulationApi.plan(id) });
  const [name, setName] = useState('');
  const [asOf, setAsOf] = useState('');
  const [moves, setMoves] = useState<DraftMove[]>([]);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [pickIn, setPickIn] = useState<number | undefined>();
  const [pickPost, setPickPost] = useState<number | undefined>();
  const [pickOut, setPickOut] = useState<number | undefined>();

  useEffect(() => {
    if (!plan.data || dirty) return;
    setName(plan.data.name);
    setAsOf(plan.data.asOf);
    setMoves(plan.data.moves.map((m) => ({ kind: m.kind, cadreId: m.cadreId, postId: m.postId, cadreName: m.cadreName })));
  }, [plan.data, dirty]);

  const body = {
    teamId: plan.data?.teamId ?? 0,
    asOf,
    moves: moves.map(({ kind, cadreId, postId }) => ({ kind, cadreId, ...(kind === 'in' && { postId }) })),
  };
  const ev = useQuery({
    queryKey: ['adjustment-plans', 'draft', body],
    queryFn: () => simulationApi.evaluate(body),
    enabled: !!plan.data && asOf !== '',
    placeholderData: keepPreviousData,
  });
  const e = ev.data;
  const names = useMemo(() => (e ? nameIndex(e.current.structure.members, e.planned.structure.members) : new Map<number, string>()), [e]);

  if (plan.error) return <ErrorAlert error={plan.error} onRetry={() => plan.refetch()} />;
  if (!plan.data) return <Spin />;
  const p = plan.data;

  const change = (next: DraftMove[]) => {
    setMoves(next);
    setDirty(true);
  };
  const movedOut = new Set(moves.filter((m) => m.kind === 'out').map((m) => m.cadreId));
  const movedIn = new Set(moves.filter((m) => m.kind === 'in').map((m) => m.cadreId));
  const addIn = () => {
    if (pickIn === undefined || pickPost === undefined) return;
    if (movedIn.has(pickIn)) {
      message.warning('该干部已在调入名单中');
      return;
    }
    change([...moves, { kind: 'in', cadreId: pickIn, postId: pickPost }]);
    setPickIn(undefined);
    setPickPost(undefined);
  };
  const addOut = () => {
    if (pickOut === undefined) return;
    change([...moves, { kind: 'out', cadreId: pickOut, cadreName: names.get(pickOut) }]);
    setPickOut(undefined);
  };
  const save = async () => {
    setSaving(true);
    try {
      await simulationApi.update(id, { name, asOf, moves: body.moves, version: p.version });
      message.success('已保存方案');
      setDirty(false);
      await qc.invalidateQueries({ queryKey: ['adjustment-plans'] });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  // resolved and added are the very findings of the current and planned lists
  const key = (f: Finding) => JSON.stringify(f);
  const resolvedKeys = new Set((e?.resolved ?? []).map(key));
  const addedKeys = new Set((e?.added ?? []).map(key));
  const postTitle = (postId?: number | null) => e?.posts.find((x) => x.id === postId)?.title ?? '—';
  const members = e?.current.structure.members ?? [];

  return (
    <div data-testid="plan-page">
      <PageTitle
        title={`模拟调配：${p.name}`}
        sub={`${p.unitName} · ${p.teamName} · 创建人 ${p.authorName}`}
        extra={
          <Space>
            <Link to={`/simulation?teamId=${p.teamId}`}>
              <Button icon={<ArrowLeftOutlined />}>该班子的方案</Button>
            </Link>
            <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={saving} onClick={save} data-testid="plan-save">
              保存方案
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size="large">
          <span>
            方案名称{' '}
            <Input
              value={name}
              maxLength={50}
              style={{ width: 260 }}
              onChange={(x) => {
                setName(x.target.value);
                setDirty(true);
              }}
              data-testid="plan-name"
            />
          </span>
          <span>
            调配日期{' '}
            <DatePicker
              value={toDayjs(asOf)}
              format={DATE_FORMAT}
              allowClear={false}
              onChange={(v) => {
                if (!v) return;
                setAsOf(dateOf(v)!);
                setDirty(true);
              }}
              data-testid="plan-asof"
            />
          </span>
          {dirty && <Tag color="orange">有未保存的调整</Tag>}
        </Space>
      </Card>

      <Card size="small" title="调整" style={{ marginBottom: 16 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <span style={{ width: 320, display: 'inline-block' }}>
            <CadrePicker value={pickIn} onChange={setPickIn} testId="move-in-cadre" />
          </span>
          <Select<number>
            style={{ width: 220 }}
            placeholder="调入职位"
            value={pickPost}
            onChange={setPickPost}
            options={(e?.posts ?? []).map((x) => ({ value: x.id, label: `${x.title}（${x.levelName}${x.isChief ? '，正职' : ''}）` }))}
            data-testid="move-in-post"
          />
          <Button icon={<LoginOutlined />} disabled={pickIn === undefined || pickPost === undefined} onClick={addIn} data-testid="move-in-add">
            调入
          </Button>
          <span style={{ width: 24 }} />
          <Select<number>
            style={{ width: 200 }}
            placeholder="调出的在任成员"
            value={pickOut}
            onChange={setPickOut}
            options={members.filter((m) => m.cadreId !== undefined && !movedOut.has(m.cadreId)).map((m) => ({ value: m.cadreId!, label: m.name }))}
            data-testid="move-out-member"
          />
          <Button icon={<LogoutOutlined />} disabled={pickOut === undefined} onClick={addOut} data-testid="move-out-add">
            调出
          </Button>
        </Space>
        <Table<DraftMove>
          rowKey={(m) => `${m.kind}-${m.cadreId}`}
          size="small"
          pagination={false}
          dataSource={moves}
          locale={{ emptyText: '尚无调整：选择干部和职位后点“调入”，或选择在任成员后点“调出”' }}
          data-testid="moves-table"
          columns={[
            { title: '', key: 'no', width: 40, render: (_: unknown, __: DraftMove, i: number) => i + 1 },
            {
              title: '方式',
              dataIndex: 'kind',
              width: 70,
              render: (k: string) => (k === 'in' ? <Tag color="green">调入</Tag> : <Tag color="red">调出</Tag>),
            },
            {
              title: '干部',
              key: 'cadre',
              render: (_: unknown, m) => <Link to={`/cadres/${m.cadreId}`}>{names.get(m.cadreId) ?? m.cadreName ?? `干部 ${m.cadreId}`}</Link>,
            },
            { title: '职位', key: 'post', render: (_: unknown, m) => (m.kind === 'in' ? postTitle(m.postId) : '—') },
            {
              title: '',
              key: 'ops',
              width: 60,
              render: (_: unknown, m) => (
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label="移除"
                  onClick={() => change(moves.filter((x) => !(x.kind === m.kind && x.cadreId === m.cadreId)))}
                />
              ),
            },
          ]}
        />
      </Card>

      {ev.error ? <ErrorAlert error={ev.error} /> : null}
      {!e ? (
        <Card loading />
      ) : (
        <Spin spinning={ev.isFetching}>
          {e.warnings.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={e.warnings.join('；')} />}
          <Alert
            type={e.added.length > 0 ? 'warning' : e.resolved.length > 0 ? 'success' : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="plan-diff"
            title={
              <span>
                {fmtDate(e.asOf)}：方案消除 {e.resolved.length} 项问题
                {e.resolved.length > 0 && `（${e.resolved.map((f) => RULE_NAMES[f.rule] ?? f.rule).join('、')}）`}，新出现 {e.added.length} 项
                {e.added.length > 0 && `（${e.added.map((f) => RULE_NAMES[f.rule] ?? f.rule).join('、')}）`}
                ；回避情形：现状 {e.current.findings.filter((f) => AVOIDANCE_RULES.has(f.rule)).length} 项，方案{' '}
                {e.planned.findings.filter((f) => AVOIDANCE_RULES.has(f.rule)).length} 项
              </span>
            }
          />
          <Card size="small" title="班子结构：现状与方案" style={{ marginBottom: 16 }}>
            <StructureTable
              states={[
                { title: '现状', structure: e.current.structure },
                { title: '方案', structure: e.planned.structure },
              ]}
              testId="compare-structure"
            />
          </Card>
          <Row gutter={16}>
            <Col span={12}>
              <Card size="small" title={`现状研判结论（${e.current.findings.length} 项）`} data-testid="current-column">
                <FindingsList
                  findings={e.current.findings}
                  names={names}
                  testId="current-findings"
                  mark={(f: Finding) => (resolvedKeys.has(key(f)) ? { text: '方案消除', color: 'green' } : null)}
                />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title={`方案研判结论（${e.planned.findings.length} 项）`} data-testid="planned-column">
                <FindingsList
                  findings={e.planned.findings}
                  names={names}
                  testId="planned-findings"
                  mark={(f: Finding) => (addedKeys.has(key(f)) ? { text: '新出现', color: 'red' } : null)}
                />
                {e.resolved.length > 0 && (
                  <div className="resolved-block" data-testid="resolved-findings">
                    <Typography.Text type="success" strong>
                      已消除
                    </Typography.Text>
                    {e.resolved.map((f, i) => (
                      <div key={i} className="resolved-item" data-testid={`resolved-${f.rule}`}>
                        <Tag color="green">{RULE_NAMES[f.rule] ?? f.rule}</Tag>
                        <Typography.Text delete type="secondary">
                          {f.detail}
                        </Typography.Text>
                      </div>
                    ))}
                  </div>
                )}
              </Card>
            </Col>
          </Row>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col span={12}>
              <Card size="small" title={`现状成员（${e.current.structure.size.members} 人）`}>
                {members.length ? (
                  <MembersTable members={members} highlight={(m) => (m.cadreId !== undefined && movedOut.has(m.cadreId) ? '调出' : null)} />
                ) : (
                  <Empty />
                )}
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title={`方案成员（${e.planned.structure.size.members} 人）`}>
                <MembersTable
                  members={e.planned.structure.members}
                  highlight={(m) =>
                    m.cadreId !== undefined && movedIn.has(m.cadreId) && !members.some((c) => c.cadreId === m.cadreId) ? '调入' : null
                  }
                />
              </Card>
            </Col>
          </Row>
        </Spin>
      )}
    </div>
  );
}
