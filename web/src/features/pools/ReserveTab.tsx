// 正职人选后备库: candidates with readiness and the chief posts each is considered for; 选用 or 退出.
import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Radio, Segmented, Select, Space, Spin, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { poolsApi, READINESS, type ReserveEntry } from '../../api/pools';
import { CadrePicker } from '../../shared/CadrePicker';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { FormModal } from '../../shared/FormModal';
import { fmtDate } from '../../shared/dates';
import { useCan } from '../../shared/permissions';
import { CadreLink, DateField, day, unitAndPost } from './common';

const STATUS_COLORS: Record<string, string> = { active: 'green', used: 'blue', withdrawn: 'default' };

/** The chief posts to choose from; `known` labels posts already chosen that the search has not returned. */
function ChiefPostSelect(props: { value?: number[]; onChange?: (v: number[]) => void; known?: ReserveEntry['posts'] }) {
  const [q, setQ] = useState('');
  const posts = useQuery({ queryKey: ['pools', 'chief-posts', q], queryFn: () => poolsApi.chiefPosts(q), staleTime: 60_000 });
  const found = (posts.data ?? []).map((p) => ({ value: p.id, label: `${p.unitName} ${p.title}` }));
  const known = (props.known ?? [])
    .filter((k) => !found.some((f) => f.value === k.postId))
    .map((k) => ({ value: k.postId, label: `${k.unitName} ${k.title}` }));
  return (
    <Select<number[]>
      mode="multiple"
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      notFoundContent={posts.isFetching ? <Spin size="small" /> : '没有找到正职职位'}
      options={[...known, ...found]}
      placeholder="输入单位或职位名称查找正职职位"
      data-testid="reserve-posts"
    />
  );
}

export function ReserveTab() {
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [status, setStatus] = useState('active');
  const [adding, setAdding] = useState(false);
  const [closing, setClosing] = useState<ReserveEntry | null>(null);
  const [editing, setEditing] = useState<ReserveEntry | null>(null);
  const list = useQuery({ queryKey: ['pools', 'reserve', status], queryFn: () => poolsApi.reserve(status || undefined) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['pools'] });

  return (
    <Card
      size="small"
      title={
        <Segmented
          value={status}
          onChange={(v) => setStatus(String(v))}
          options={[
            { value: 'active', label: '在库' },
            { value: 'used', label: '已使用' },
            { value: 'withdrawn', label: '已退出' },
            { value: '', label: '全部' },
          ]}
        />
      }
      extra={
        can('pool:write') && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="reserve-new">
            列入后备库
          </Button>
        )
      }
    >
      <ErrorAlert error={list.error} />
      <Table<ReserveEntry>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 15, showSizeChanger: false, showTotal: (n) => `共 ${n} 人` }}
        locale={{ emptyText: <Empty description="暂无后备人选" /> }}
        data-testid="reserve-table"
        columns={[
          { title: '姓名', key: 'name', width: 90, render: (_, r) => <CadreLink id={r.cadreId} name={r.name} /> },
          { title: '现任职务', key: 'post', ellipsis: true, render: (_, r) => unitAndPost(r) },
          { title: '成熟度', dataIndex: 'readinessName', width: 90 },
          {
            title: '拟任职位',
            key: 'posts',
            render: (_, r) => (
              <Space size={[0, 4]} wrap>
                {r.posts.map((p) => (
                  <Tag key={p.postId} color={r.outcomePostId === p.postId ? 'blue' : undefined}>
                    {p.unitName} {p.title}
                  </Tag>
                ))}
                {r.note && <span className="muted">{r.note}</span>}
              </Space>
            ),
          },
          { title: '入库日期', dataIndex: 'enteredOn', width: 110, render: fmtDate },
          {
            title: '状态',
            key: 'status',
            width: 180,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>
                  <Tag color={STATUS_COLORS[r.status]}>{r.statusName}</Tag>
                  {r.outcomeOn && fmtDate(r.outcomeOn)}
                </span>
                {r.outcomeReason && <span className="muted">{r.outcomeReason}</span>}
                {r.appointedTo && (
                  <Tooltip title="该人选已任拟任职位之一，请登记为已使用">
                    <Tag color="orange">{fmtDate(r.appointedTo.startDate)} 已任职</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          ...(can('pool:write')
            ? [
                {
                  title: '',
                  key: 'op',
                  width: 130,
                  render: (_: unknown, r: ReserveEntry) =>
                    r.status === 'active' && (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEditing(r)} data-testid={`reserve-edit-${r.cadreId}`}>
                          修改
                        </Button>
                        <Button type="link" size="small" onClick={() => setClosing(r)} data-testid={`reserve-outcome-${r.cadreId}`}>
                          选用/退出
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {adding && (
        <FormModal<{ cadreId: number; readiness: string; postIds: number[]; enteredOn?: Dayjs; note?: string }>
          title="列入正职人选后备库"
          testId="reserve-form"
          width={600}
          initialValues={{ readiness: 'one_two_years' }}
          onClose={() => setAdding(false)}
          onSubmit={async (v) => {
            await poolsApi.addReserve({ ...v, postIds: v.postIds ?? [], enteredOn: day(v.enteredOn) });
            message.success('已列入后备库');
            await refresh();
          }}
        >
          <Form.Item name="cadreId" label="人选" rules={[{ required: true, message: '请选择人选' }]}>
            <CadrePicker testId="reserve-cadre" />
          </Form.Item>
          <Form.Item name="readiness" label="成熟度" rules={[{ required: true }]}>
            <Radio.Group options={Object.entries(READINESS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="postIds" label="拟任职位（正职）">
            <ChiefPostSelect />
          </Form.Item>
          <Form.Item name="enteredOn" label="入库日期" extra="不填为今天">
            <DateField />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
      {editing && (
        <FormModal<{ readiness: string; postIds: number[]; note?: string }>
          title={`${editing.name}：修改成熟度和拟任职位`}
          testId="reserve-edit-form"
          width={600}
          initialValues={{ readiness: editing.readiness, postIds: editing.posts.map((p) => p.postId), note: editing.note }}
          onClose={() => setEditing(null)}
          onSubmit={async (v) => {
            await poolsApi.updateReserve(editing.id, {
              readiness: v.readiness,
              postIds: v.postIds ?? [],
              note: v.note ?? '',
              version: editing.version,
            });
            message.success('已保存');
            await refresh();
          }}
        >
          <Form.Item name="readiness" label="成熟度" rules={[{ required: true }]}>
            <Radio.Group options={Object.entries(READINESS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="postIds" label="拟任职位（正职）">
            <ChiefPostSelect known={editing.posts} />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
      {closing && (
        <FormModal<{ outcome: 'used' | 'withdrawn'; postId?: number; date?: Dayjs; reason?: string }>
          title={`${closing.name}：选用或退出`}
          testId="outcome-form"
          initialValues={{ outcome: 'used', postId: closing.appointedTo?.postId }}
          onClose={() => setClosing(null)}
          onSubmit={async (v) => {
            await poolsApi.outcome(closing.id, { ...v, date: day(v.date), version: closing.version });
            message.success('已登记');
            await refresh();
          }}
        >
          {(form) => (
            <>
              <Form.Item name="outcome" label="结果">
                <Radio.Group
                  options={[
                    { value: 'used', label: '已选用（任拟任职位）' },
                    { value: 'withdrawn', label: '退出后备库' },
                  ]}
                  onChange={() => form.setFields([{ name: 'reason', errors: [] }])}
                />
              </Form.Item>
              <Form.Item name="postId" label="任用职位" extra="选用时必选">
                <Select allowClear options={closing.posts.map((p) => ({ value: p.postId, label: `${p.unitName} ${p.title}` }))} />
              </Form.Item>
              <Form.Item name="date" label="日期" extra="不填为今天">
                <DateField />
              </Form.Item>
              <Form.Item name="reason" label="原因" extra="退出时必填">
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          )}
        </FormModal>
      )}
    </Card>
  );
}
