// 年轻干部: the “789” programme's cohorts, 好苗子, 双挂双任 and “2+1” 导师帮带 (report part 二 “着眼结构统筹选”).
import { useState } from 'react';
import { App, Button, Card, Col, Drawer, Empty, Form, Input, Popconfirm, Radio, Row, Statistic, Table, Tabs, Tag, Timeline } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { PROMISING_SOURCES, youngApi, type Mentorship, type Promising, type Secondment } from '../../api/pools';
import { CadrePicker } from '../../shared/CadrePicker';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { FormModal } from '../../shared/FormModal';
import { PageTitle } from '../../shared/PageTitle';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect';
import { fmtDate, toDayjs } from '../../shared/dates';
import { useCan } from '../../shared/permissions';
import { CadreLink, DateField, day, unitAndPost } from '../pools/common';

function Cohorts() {
  const [unitId, setUnitId] = useState<number | undefined>();
  const q = useQuery({ queryKey: ['young', 'cohorts', unitId], queryFn: () => youngApi.cohorts(unitId) });
  return (
    <div>
      <div style={{ marginBottom: 16 }}>
        <UnitTreeSelect value={unitId} onChange={setUnitId} placeholder="全部单位（管理范围内）" width={320} />
      </div>
      <ErrorAlert error={q.error} />
      <Row gutter={16}>
        {(q.data ?? []).map((c) => (
          <Col key={c.label} xs={24} md={8}>
            <Card size="small" title={`${c.label}（${c.fromYear}—${c.toYear} 年出生）`} data-testid={`cohort-${c.label}`}>
              <Row>
                <Col span={12}>
                  <Statistic title="在职干部" value={c.cadres} suffix="人" />
                </Col>
                <Col span={12}>
                  <Statistic title="其中好苗子" value={c.promising} suffix="人" />
                </Col>
              </Row>
            </Card>
          </Col>
        ))}
      </Row>
      <div className="muted" style={{ marginTop: 12 }}>
        “789”培养选拔计划按出生年代分段；年代段在“业务参数”中维护（年轻干部年龄无全国统一标准）。
      </div>
    </div>
  );
}

function PromisingTab() {
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [all, setAll] = useState(false);
  const [adding, setAdding] = useState(false);
  const q = useQuery({ queryKey: ['young', 'promising', all], queryFn: () => youngApi.promising(all) });
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['young'] }), qc.invalidateQueries({ queryKey: ['pools'] })]);
  const withdraw = async (p: Promising) => {
    try {
      await youngApi.withdrawPromising(p.id);
      message.success('已撤销标记');
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card
      size="small"
      title={
        <Radio.Group
          size="small"
          value={all}
          onChange={(e) => setAll(e.target.value as boolean)}
          options={[
            { value: false, label: '现有好苗子' },
            { value: true, label: '含已撤销' },
          ]}
          optionType="button"
        />
      }
      extra={
        can('pool:write') && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="promising-new">
            标记好苗子
          </Button>
        )
      }
    >
      <ErrorAlert error={q.error} />
      <Table<Promising>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data ?? []}
        pagination={{ pageSize: 15, showSizeChanger: false, showTotal: (n) => `共 ${n} 人` }}
        locale={{ emptyText: <Empty description="暂无好苗子" /> }}
        data-testid="promising-table"
        columns={[
          { title: '姓名', key: 'name', width: 90, render: (_, p) => <CadreLink id={p.cadreId} name={p.name} /> },
          { title: '年龄', dataIndex: 'age', width: 60 },
          { title: '年代', dataIndex: 'cohort', width: 70, render: (c: string | null) => c ?? '—' },
          { title: '现任职务', key: 'post', ellipsis: true, render: (_, p) => unitAndPost(p) },
          {
            title: '来源',
            key: 'source',
            width: 220,
            render: (_, p) =>
              p.sourceRecord ? (
                <Link
                  to={
                    p.sourceRecord.kind === 'analysis'
                      ? `/analysis-records/${p.sourceRecord.id}`
                      : `/analysis-records?tab=surveys&cadreId=${p.cadreId}`
                  }
                  data-testid={`promising-source-${p.cadreId}`}
                >
                  {p.sourceRecord.label}
                </Link>
              ) : (
                p.sourceName
              ),
          },
          { title: '标记日期', dataIndex: 'markedOn', width: 110, render: fmtDate },
          {
            title: '状态',
            key: 's',
            width: 140,
            render: (_, p) => (p.withdrawnOn ? `${fmtDate(p.withdrawnOn)} 撤销` : <Tag color="green">重点掌握</Tag>),
          },
          ...(can('pool:write')
            ? [
                {
                  title: '',
                  key: 'op',
                  width: 70,
                  render: (_: unknown, p: Promising) =>
                    !p.withdrawnOn && (
                      <Popconfirm title={`撤销 ${p.name} 的好苗子标记？`} onConfirm={() => withdraw(p)} okText="撤销" cancelText="取消">
                        <Button type="link" size="small">
                          撤销
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
      {adding && (
        <FormModal<{ cadreId: number; source: string; markedOn?: Dayjs; note?: string }>
          title="标记好苗子"
          testId="promising-form"
          initialValues={{ source: 'survey' }}
          onClose={() => setAdding(false)}
          onSubmit={async (v) => {
            await youngApi.markPromising({ ...v, markedOn: day(v.markedOn) });
            message.success('已标记');
            await refresh();
          }}
        >
          <Form.Item name="cadreId" label="干部" rules={[{ required: true, message: '请选择干部' }]}>
            <CadrePicker testId="promising-cadre" />
          </Form.Item>
          <Form.Item name="source" label="来源">
            <Radio.Group options={Object.entries(PROMISING_SOURCES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="markedOn" label="标记日期" extra="不填为今天">
            <DateField />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

function SecondmentsTab() {
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Secondment | null>(null);
  const q = useQuery({ queryKey: ['young', 'secondments'], queryFn: youngApi.secondments });
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['young'] }), qc.invalidateQueries({ queryKey: ['pools'] })]);
  return (
    <Card
      size="small"
      title="市、县两级双向互派挂（任）职"
      extra={
        can('pool:write') && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="secondment-new">
            登记挂职
          </Button>
        )
      }
    >
      <ErrorAlert error={q.error} />
      <Table<Secondment>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data ?? []}
        pagination={{ pageSize: 15, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
        locale={{ emptyText: <Empty description="暂无挂职记录" /> }}
        columns={[
          { title: '姓名', key: 'name', width: 90, render: (_, s) => <CadreLink id={s.cadreId} name={s.name} /> },
          {
            title: '方向',
            key: 'dir',
            width: 100,
            render: (_, s) => <Tag color={s.direction === 'city_to_county' ? 'blue' : 'purple'}>{s.directionName}</Tag>,
          },
          { title: '派出单位', dataIndex: 'homeUnitName', ellipsis: true },
          { title: '挂职单位', dataIndex: 'hostUnitName', ellipsis: true },
          { title: '挂任职务', dataIndex: 'hostPost', ellipsis: true },
          { title: '起止', key: 'dates', width: 200, render: (_, s) => `${fmtDate(s.startDate)} — ${s.endDate ? fmtDate(s.endDate) : '至今'}` },
          { title: '', key: 'cur', width: 70, render: (_, s) => (s.current ? <Tag color="green">在挂</Tag> : null) },
          ...(can('pool:write')
            ? [
                {
                  title: '',
                  key: 'op',
                  width: 60,
                  render: (_: unknown, s: Secondment) => (
                    <Button type="link" size="small" onClick={() => setEditing(s)} data-testid={`secondment-edit-${s.id}`}>
                      修改
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && (
        <FormModal<{ cadreId: number; homeUnitId?: number; hostUnitId: number; hostPost?: string; startDate: Dayjs; endDate?: Dayjs }>
          title="登记双挂双任"
          testId="secondment-form"
          width={560}
          onClose={() => setAdding(false)}
          onSubmit={async (v) => {
            await youngApi.addSecondment({ ...v, startDate: day(v.startDate)!, endDate: day(v.endDate) ?? null });
            message.success('已登记');
            await refresh();
          }}
        >
          <Form.Item name="cadreId" label="干部" rules={[{ required: true, message: '请选择干部' }]}>
            <CadrePicker testId="secondment-cadre" />
          </Form.Item>
          <Form.Item name="homeUnitId" label="派出单位" extra="不填为干部所在单位">
            <UnitTreeSelect />
          </Form.Item>
          <Form.Item name="hostUnitId" label="挂职单位" rules={[{ required: true, message: '请选择挂职单位' }]}>
            <UnitTreeSelect testId="secondment-host" />
          </Form.Item>
          <Form.Item name="hostPost" label="挂任职务">
            <Input maxLength={100} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="startDate" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
                <DateField testId="secondment-start" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="endDate" label="结束日期">
                <DateField testId="secondment-end" />
              </Form.Item>
            </Col>
          </Row>
        </FormModal>
      )}
      {editing && (
        <FormModal<{ homeUnitId: number; hostUnitId: number; hostPost?: string; startDate: Dayjs; endDate?: Dayjs | null }>
          title={`修改 ${editing.name} 的挂职`}
          testId="secondment-edit-form"
          width={560}
          initialValues={{
            homeUnitId: editing.homeUnitId,
            hostUnitId: editing.hostUnitId,
            hostPost: editing.hostPost,
            startDate: toDayjs(editing.startDate)!,
            endDate: toDayjs(editing.endDate),
          }}
          onClose={() => setEditing(null)}
          onSubmit={async (v) => {
            await youngApi.updateSecondment(editing.id, {
              homeUnitId: v.homeUnitId,
              hostUnitId: v.hostUnitId,
              hostPost: v.hostPost ?? '',
              startDate: day(v.startDate)!,
              endDate: day(v.endDate) ?? null,
            });
            message.success('已保存');
            await refresh();
          }}
        >
          <Form.Item name="homeUnitId" label="派出单位" rules={[{ required: true, message: '请选择派出单位' }]}>
            <UnitTreeSelect testId="secondment-edit-home" />
          </Form.Item>
          <Form.Item name="hostUnitId" label="挂职单位" rules={[{ required: true, message: '请选择挂职单位' }]}>
            <UnitTreeSelect testId="secondment-edit-host" />
          </Form.Item>
          <Form.Item name="hostPost" label="挂任职务">
            <Input maxLength={100} data-testid="secondment-edit-post" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="startDate" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
                <DateField testId="secondment-edit-start" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="endDate" label="结束日期" extra="不填为至今">
                <DateField testId="secondment-edit-end" />
              </Form.Item>
            </Col>
          </Row>
        </FormModal>
      )}
    </Card>
  );
}

function MentoringTab() {
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Mentorship | null>(null);
  const [recording, setRecording] = useState(false);
  const [ending, setEnding] = useState<Mentorship | null>(null);
  const q = useQuery({ queryKey: ['young', 'mentorships'], queryFn: youngApi.mentorships });
  const records = useQuery({ queryKey: ['young', 'records', open?.id], queryFn: () => youngApi.records(open!.id), enabled: !!open });
  return (
    <Card
      size="small"
      title="“2+1”导师帮带：每名年轻干部配 2 名导师"
      extra={
        can('pool:write') && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="mentor-new">
            确定导师
          </Button>
        )
      }
    >
      <ErrorAlert error={q.error} />
      <Table<Mentorship>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data ?? []}
        pagination={{ pageSize: 16, showSizeChanger: false, showTotal: (n) => `共 ${n} 对帮带关系` }}
        locale={{ emptyText: <Empty description="暂无帮带关系" /> }}
        data-testid="mentorship-table"
        columns={[
          { title: '年轻干部', key: 'name', width: 100, render: (_, m) => <CadreLink id={m.cadreId} name={m.name} /> },
          { title: '单位', dataIndex: 'unitName', ellipsis: true },
          { title: '导师', key: 'mentor', width: 100, render: (_, m) => <CadreLink id={m.mentorId} name={m.mentorName} /> },
          { title: '导师职务', dataIndex: 'mentorPost', ellipsis: true },
          {
            title: '起止',
            key: 'dates',
            width: 200,
            render: (_, m) => `${fmtDate(m.startDate)} — ${m.endDate ? fmtDate(m.endDate) : '至今'}`,
          },
          { title: '', key: 'cur', width: 70, render: (_, m) => (m.current ? <Tag color="green">帮带中</Tag> : <Tag>已结束</Tag>) },
          {
            title: '帮带记录',
            key: 'records',
            width: 100,
            render: (_, m) => (
              <Button type="link" size="small" onClick={() => setOpen(m)}>
                {m.records} 条
              </Button>
            ),
          },
          ...(can('pool:write')
            ? [
                {
                  title: '',
                  key: 'op',
                  width: 80,
                  render: (_: unknown, m: Mentorship) =>
                    m.endDate === null && (
                      <Button type="link" size="small" onClick={() => setEnding(m)} data-testid={`mentorship-end-${m.id}`}>
                        结束帮带
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {adding && (
        <FormModal<{ cadreId: number; mentorId: number; startDate?: Dayjs }>
          title="为年轻干部确定导师"
          testId="mentor-form"
          onClose={() => setAdding(false)}
          onSubmit={async (v) => {
            await youngApi.addMentor({ ...v, startDate: day(v.startDate) });
            message.success('已确定导师');
            await qc.invalidateQueries({ queryKey: ['young'] });
          }}
        >
          <Form.Item name="cadreId" label="年轻干部" rules={[{ required: true, message: '请选择年轻干部' }]}>
            <CadrePicker />
          </Form.Item>
          <Form.Item name="mentorId" label="导师" rules={[{ required: true, message: '请选择导师' }]}>
            <CadrePicker />
          </Form.Item>
          <Form.Item name="startDate" label="开始日期" extra="不填为今天">
            <DateField />
          </Form.Item>
        </FormModal>
      )}
      {ending && (
        <FormModal<{ date?: Dayjs }>
          title={`结束 ${ending.mentorName} 对 ${ending.name} 的帮带`}
          testId="mentorship-end-form"
          okText="结束帮带"
          onClose={() => setEnding(null)}
          onSubmit={async (v) => {
            await youngApi.endMentorship(ending.id, { date: day(v.date) });
            message.success('已结束帮带');
            await qc.invalidateQueries({ queryKey: ['young'] });
          }}
        >
          <Form.Item name="date" label="结束日期" extra={`不填为今天；帮带自 ${fmtDate(ending.startDate)} 开始，已有帮带记录保留`}>
            <DateField testId="mentorship-end-date" />
          </Form.Item>
        </FormModal>
      )}
      <Drawer
        open={!!open}
        onClose={() => setOpen(null)}
        size={520}
        title={open ? `${open.mentorName} 帮带 ${open.name}` : ''}
        extra={
          can('pool:write') && (
            <Button size="small" type="primary" onClick={() => setRecording(true)}>
              登记记录
            </Button>
          )
        }
      >
        <ErrorAlert error={records.error} />
        {records.data?.length === 0 && <Empty description="暂无帮带记录" />}
        <Timeline
          items={(records.data ?? []).map((r) => ({
            content: (
              <div>
                <div>{fmtDate(r.date)}</div>
                <div>{r.content}</div>
              </div>
            ),
          }))}
        />
      </Drawer>
      {recording && open && (
        <FormModal<{ date: Dayjs; content: string }>
          title="登记帮带记录"
          onClose={() => setRecording(false)}
          onSubmit={async (v) => {
            await youngApi.addRecord(open.id, { date: day(v.date)!, content: v.content ?? '' });
            message.success('已登记');
            await qc.invalidateQueries({ queryKey: ['young'] });
          }}
        >
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DateField />
          </Form.Item>
          <Form.Item name="content" label="帮带内容" rules={[{ required: true, message: '请填写帮带内容' }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

const TABS = ['cohorts', 'promising', 'secondments', 'mentoring'];

export default function YoungPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.includes(params.get('tab') ?? '') ? params.get('tab')! : 'cohorts';
  return (
    <div>
      <PageTitle title="年轻干部" sub="“789”计划 · 好苗子 · 双挂双任 · “2+1”导师帮带" />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'cohorts', label: '年代段', children: <Cohorts /> },
          { key: 'promising', label: '好苗子', children: <PromisingTab /> },
          { key: 'secondments', label: '双挂双任', children: <SecondmentsTab /> },
          { key: 'mentoring', label: '导师帮带', children: <MentoringTab /> },
        ]}
      />
    </div>
  );
}
