// One 研判: what was found on its date (kept as it was), the department's judgement, shortfalls and
// suggestions, and the follow-ups until it is closed.
import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { PromisingFromRecord } from '../young/PromisingFromRecord';
import { RULE_NAMES } from '../../api/analysis';
import { analysisApi, type AnalysisDetail, type AnalysisItem, type Shortfall } from '../../api/analysisRecords';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { FormModal } from '../../shared/FormModal';
import { DATE_FORMAT, fmtDate, fmtInstant } from '../../shared/dates';
import { useCan } from '../../shared/permissions';
import { KIND_COLORS, STATUS_COLORS, useAnalysisOptions } from './pickers';

function EditModal({ a, onClose }: { a: AnalysisDetail; onClose: () => void }) {
  const qc = useQueryClient();
  const options = useAnalysisOptions().data;
  const teams = a.items.map((i) => ({ value: i.teamId, label: `${i.unitName} ${i.teamName}` }));
  return (
    <FormModal<{ title: string; participants: string[]; judgement: string; suggestions: string; shortfalls: Shortfall[] }>
      title="研判意见"
      width={760}
      initialValues={{ title: a.title, participants: a.participants, judgement: a.judgement, suggestions: a.suggestions, shortfalls: a.shortfalls }}
      testId="analysis-edit"
      onSubmit={async (v) => {
        await analysisApi.update(a.id, {
          ...v,
          shortfalls: (v.shortfalls ?? []).map((s) => ({ ...s, teamId: s.teamId ?? null })),
          version: a.version,
        });
        await qc.invalidateQueries({ queryKey: ['analysis-records'] });
      }}
      onClose={onClose}
    >
      <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="participants" label="参加人员">
        <Select mode="tags" tokenSeparators={['，', ',', '、', ' ']} />
      </Form.Item>
      <Form.Item name="judgement" label="研判意见">
        <Input.TextArea rows={4} maxLength={20000} data-testid="analysis-judgement" />
      </Form.Item>
      <Form.Item label="短板弱项">
        <Form.List name="shortfalls">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }} wrap>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择' }]}>
                    <Select style={{ width: 80 }} options={(options?.shortfallKinds ?? []).map((k) => ({ value: k, label: k }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'area']} rules={[{ required: true, message: '请选择' }]}>
                    <Select
                      style={{ width: 110 }}
                      placeholder="方面"
                      options={(options?.shortfallAreas ?? []).map((k) => ({ value: k, label: k }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'teamId']}>
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      style={{ width: 200 }}
                      placeholder="所指班子（可不选）"
                      options={teams}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'description']} rules={[{ required: true, message: '请填写具体表现' }]}>
                    <Input style={{ width: 230 }} maxLength={2000} placeholder="具体表现" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ kind: '短板' })} icon={<PlusOutlined />} data-testid="shortfall-add">
                添加短板弱项
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="suggestions" label="意见建议">
        <Input.TextArea rows={3} maxLength={20000} />
      </Form.Item>
    </FormModal>
  );
}

function FollowUpModal({ a, onClose }: { a: AnalysisDetail; onClose: () => void }) {
  const qc = useQueryClient();
  return (
    <FormModal<{ date: Dayjs; status: string; note: string }>
      title="添加跟进"
      initialValues={{ date: dayjs(), status: 'following' }}
      testId="followup-form"
      onSubmit={async (v) => {
        await analysisApi.followUp(a.id, { date: v.date.format('YYYY-MM-DD'), status: v.status, note: v.note, version: a.version });
        await qc.invalidateQueries({ queryKey: ['analysis-records'] });
      }}
      onClose={onClose}
    >
      <Form.Item name="date" label="跟进日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isBefore(dayjs(a.asOf), 'day') || d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="status" label="跟进后状态">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'following', label: '跟进中' },
            { value: 'done', label: '已完成' },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label="跟进情况" rules={[{ required: true, message: '请填写跟进情况' }]}>
        <Input.TextArea rows={4} maxLength={5000} data-testid="followup-note" />
      </Form.Item>
    </FormModal>
  );
}

function Findings({ item }: { item: AnalysisItem }) {
  const names = new Map(item.members.map((m) => [m.cadreId ?? m.name, m.name]));
  return (
    <div className="analysis-findings">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        研判日期在任成员（{item.members.length} 人）：{item.members.map((m) => `${m.name}${m.isChief ? '（正职）' : ''}`).join('、') || '无'}
      </Typography.Paragraph>
      {item.findings.length === 0 ? (
        <Typography.Text type="success">未发现结构问题</Typography.Text>
      ) : (
        item.findings.map((f, i) => (
          <div key={i} style={{ marginBottom: 6 }}>
            <Tag color="red">{RULE_NAMES[f.rule] ?? f.rule}</Tag>
            <span>{f.detail}</span>
            {f.members?.length ? <span className="muted">（{f.members.map((m) => names.get(m) ?? m).join('、')}）</span> : null}
            <Tooltip title={f.source}>
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12, cursor: 'help' }}>
                依据
              </Typography.Text>
            </Tooltip>
          </div>
        ))
      )}
    </div>
  );
}

export default function AnalysisDetailPage() {
  const id = Number(useParams().id);
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const [following, setFollowing] = useState(false);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const q = useQuery({ queryKey: ['analysis-records', 'detail', id], queryFn: () => analysisApi.get(id) });
  const a = q.data;
  const items = useMemo(() => (a ? (onlyProblems ? a.items.filter((i) => i.findingCount > 0) : a.items) : []), [a, onlyProblems]);
  const teamName = (teamId?: number | null) => {
    const i = a?.items.find((x) => x.teamId === teamId);
    return i ? `${i.unitName} ${i.teamName}` : '';
  };
  const writable = can('analysis:write') && a?.status !== 'done';

  return (
    <div data-testid="analysis-detail">
      <PageTitle
        title={a ? a.title : '研判'}
        sub={a ? `${a.kindName} · 研判日期 ${fmtDate(a.asOf)}` : undefined}
        extra={
          <Link to="/analysis-records">
            <ArrowLeftOutlined /> 返回研判列表
          </Link>
        }
      />
      {q.error ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} /> : null}
      {q.isLoading && (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      )}
      {a && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card size="small" title="基本情况" style={{ marginBottom: 16 }}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label="类别">
                  <Tag color={KIND_COLORS[a.kind]}>{a.kindName}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label="研判日期">{fmtDate(a.asOf)}</Descriptions.Item>
                <Descriptions.Item label="研判范围">{a.scopeLabel}</Descriptions.Item>
                <Descriptions.Item label="研判部门">{a.authorityName}</Descriptions.Item>
                <Descriptions.Item label="参加人员">{a.participants.join('、') || '—'}</Descriptions.Item>
                <Descriptions.Item label="经办">
                  {a.createdByName} · {fmtInstant(a.createdAt)}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card
              size="small"
              title="研判意见、短板弱项与建议"
              style={{ marginBottom: 16 }}
              extra={
                writable && (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="analysis-edit-button">
                    填写 / 修改
                  </Button>
                )
              }
            >
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                研判意见
              </Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="analysis-judgement-view">
                {a.judgement || <span className="muted">尚未填写</span>}
              </Typography.Paragraph>
              <Typography.Title level={5}>短板弱项</Typography.Title>
              {a.shortfalls.length === 0 ? (
                <Typography.Paragraph className="muted">尚未填写</Typography.Paragraph>
              ) : (
                <Table<Shortfall>
                  size="small"
                  rowKey={(_, i) => String(i)}
                  pagination={false}
                  dataSource={a.shortfalls}
                  style={{ marginBottom: 12 }}
                  columns={[
                    { title: '类别', dataIndex: 'kind', width: 70, render: (v: string) => <Tag color={v === '短板' ? 'red' : 'orange'}>{v}</Tag> },
                    { title: '方面', dataIndex: 'area', width: 100 },
                    { title: '班子', dataIndex: 'teamId', width: 220, render: (v?: number | null) => teamName(v) || '—' },
                    { title: '具体表现', dataIndex: 'description' },
                  ]}
                />
              )}
              <Typography.Title level={5}>意见建议</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {a.suggestions || <span className="muted">尚未填写</span>}
              </Typography.Paragraph>
            </Card>
            <Card
              size="small"
              title={`自动研判结论（${fmtDate(a.asOf)} 当日，保存时的结论）`}
              extra={
                <Space>
                  <span className="muted" style={{ fontSize: 12 }}>
                    只看有问题的班子
                  </span>
                  <Switch size="small" checked={onlyProblems} onChange={setOnlyProblems} data-testid="only-problems" />
                </Space>
              }
            >
              <Table<AnalysisItem>
                rowKey="id"
                size="small"
                dataSource={items}
                data-testid="analysis-items"
                pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                expandable={{
                  expandedRowRender: (i) => <Findings item={i} />,
                  defaultExpandedRowKeys: a.items.length <= 3 ? a.items.map((i) => i.id) : [],
                }}
                columns={[
                  { title: '单位', dataIndex: 'unitName', ellipsis: true },
                  { title: '班子', dataIndex: 'teamName', render: (v: string, i) => (i.postTitle ? `${v} / ${i.postTitle}` : v) },
                  { title: '成员', width: 70, align: 'right', render: (_: unknown, i) => i.members.length },
                  {
                    title: '发现问题',
                    dataIndex: 'findings',
                    render: (_: unknown, i) =>
                      i.findings.length === 0 ? (
                        <span className="muted">无</span>
                      ) : (
                        <Space size={[4, 4]} wrap>
                          {[...new Set(i.findings.map((f) => f.rule))].map((r) => (
                            <Tag key={r} color="red">
                              {RULE_NAMES[r] ?? r}
                            </Tag>
                          ))}
                        </Space>
                      ),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Card
              size="small"
              title={
                <Space>
                  跟进
                  <Tag color={STATUS_COLORS[a.status]} data-testid="analysis-status">
                    {a.statusName}
                  </Tag>
                </Space>
              }
              extra={
                writable && (
                  <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setFollowing(true)} data-testid="followup-add">
                    添加跟进
                  </Button>
                )
              }
            >
              {a.status === 'done' && <Alert type="success" showIcon title="已完成跟进，本研判不再修改" style={{ marginBottom: 12 }} />}
              {a.followUps.length === 0 ? (
                <Empty description="尚无跟进记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />
              ) : (
                <Timeline
                  items={a.followUps.map((f) => ({
                    color: f.status === 'done' ? 'green' : 'blue',
                    content: (
                      <div>
                        <div>
                          <strong>{fmtDate(f.date)}</strong> <Tag>{f.statusName}</Tag>
                          <span className="muted" style={{ fontSize: 12 }}>
                            {f.createdByName}
                          </span>
                        </div>
                        <div style={{ whiteSpace: 'pre-wrap' }}>{f.note}</div>
                      </div>
                    ),
                  }))}
                />
              )}
            </Card>
            <PromisingFromRecord analysisId={a.id} asOf={a.asOf} marks={a.promising} />
          </Col>
        </Row>
      )}
      {editing && a && <EditModal a={a} onClose={() => setEditing(false)} />}
      {following && a && <FollowUpModal a={a} onClose={() => setFollowing(false)} />}
    </div>
  );
}
