// 五类干部库: the pools with their members; 入库 with a reason, 出库 keeping the history; an admin edits the set.
import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, InputNumber, List, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/client';
import { poolsApi, type Membership, type Pool } from '../../api/pools';
import { CadrePicker } from '../../shared/CadrePicker';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { FormModal } from '../../shared/FormModal';
import { fmtDate } from '../../shared/dates';
import { useCan } from '../../shared/permissions';
import { CadreLink, DateField, day, unitAndPost } from './common';

export function PoolsTab() {
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const pools = useQuery({ queryKey: ['pools', 'list'], queryFn: () => poolsApi.pools() });
  const [selected, setSelected] = useState<number | null>(null);
  const [history, setHistory] = useState(false);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Membership | null>(null);
  const [editing, setEditing] = useState<Pool | 'new' | null>(null);
  const poolId = selected ?? pools.data?.[0]?.id ?? null;
  const members = useQuery({
    queryKey: ['pools', 'members', poolId, history],
    queryFn: () => poolsApi.members(poolId!, history),
    enabled: poolId !== null,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['pools'] });
  const pool = pools.data?.find((p) => p.id === poolId);

  const remove = async (p: Pool) => {
    try {
      await poolsApi.deletePool(p.id);
      message.success(`已删除“${p.name}”库`);
      setSelected(null);
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div className="pools-layout">
      <Card
        size="small"
        title="五类干部库"
        extra={
          can('pool:manage') && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="pool-new">
              新建库
            </Button>
          )
        }
      >
        <ErrorAlert error={pools.error} />
        <List
          dataSource={pools.data ?? []}
          loading={pools.isLoading}
          renderItem={(p) => (
            <List.Item
              className={`pool-item${p.id === poolId ? ' selected' : ''}`}
              onClick={() => setSelected(p.id)}
              data-testid={`pool-${p.name}`}
              actions={
                can('pool:manage')
                  ? [
                      <EditOutlined key="edit" onClick={() => setEditing(p)} aria-label="改名" />,
                      <Popconfirm key="del" title={`删除“${p.name}”库？`} onConfirm={() => remove(p)} okText="删除" cancelText="取消">
                        <DeleteOutlined aria-label="删除" data-testid={`pool-delete-${p.name}`} onClick={(e) => e.stopPropagation()} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space>
                <span>{p.name}</span>
                {p.members !== null && <Tag data-testid={`pool-count-${p.name}`}>{p.members} 人</Tag>}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card
        size="small"
        title={pool ? `${pool.name}库 入库干部` : '入库干部'}
        extra={
          <Space>
            <span className="muted">含已出库</span>
            <Switch size="small" checked={history} onChange={setHistory} data-testid="pool-history" />
            {can('pool:write') && pool && (
              <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="pool-add-member">
                入库
              </Button>
            )}
          </Space>
        }
      >
        <ErrorAlert error={members.error} />
        <Table<Membership>
          rowKey="id"
          size="small"
          loading={members.isFetching}
          dataSource={members.data?.members ?? []}
          pagination={{ pageSize: 15, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
          locale={{ emptyText: <Empty description="暂无入库干部" /> }}
          data-testid="pool-members"
          columns={[
            { title: '姓名', key: 'name', width: 90, render: (_, m) => <CadreLink id={m.cadreId} name={m.name} /> },
            { title: '现任职务', key: 'post', ellipsis: true, render: (_, m) => unitAndPost(m) },
            { title: '入库理由', dataIndex: 'reason', ellipsis: true },
            { title: '入库日期', dataIndex: 'addedOn', width: 110, render: fmtDate },
            { title: '入库人', dataIndex: 'addedBy', width: 90 },
            {
              title: '状态',
              key: 'state',
              width: 200,
              render: (_, m) =>
                m.removedOn ? (
                  <Typography.Text type="secondary">
                    {fmtDate(m.removedOn)} 出库：{m.removalReason}
                  </Typography.Text>
                ) : (
                  <Tag color="green">在库</Tag>
                ),
            },
            ...(can('pool:write')
              ? [
                  {
                    title: '',
                    key: 'op',
                    width: 60,
                    render: (_: unknown, m: Membership) =>
                      !m.removedOn && (
                        <Button type="link" size="small" onClick={() => setRemoving(m)} data-testid={`member-remove-${m.cadreId}`}>
                          出库
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      {adding && pool && (
        <FormModal<{ cadreId: number; reason: string; addedOn?: Dayjs }>
          title={`加入“${pool.name}”库`}
          testId="member-form"
          onClose={() => setAdding(false)}
          onSubmit={async (v) => {
            await poolsApi.addMember({ poolId: pool.id, cadreId: v.cadreId, reason: v.reason ?? '', addedOn: day(v.addedOn) });
            message.success('已入库');
            await refresh();
          }}
        >
          <Form.Item name="cadreId" label="干部" rules={[{ required: true, message: '请选择干部' }]}>
            <CadrePicker testId="member-cadre" />
          </Form.Item>
          <Form.Item name="reason" label="入库理由" rules={[{ required: true, message: '请填写入库理由' }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="member-reason" />
          </Form.Item>
          <Form.Item name="addedOn" label="入库日期" extra="不填为今天">
            <DateField testId="member-date" />
          </Form.Item>
        </FormModal>
      )}
      {removing && (
        <FormModal<{ reason: string; removedOn?: Dayjs }>
          title={`${removing.name} 出库`}
          testId="member-remove-form"
          onClose={() => setRemoving(null)}
          onSubmit={async (v) => {
            await poolsApi.removeMember(removing.id, { reason: v.reason ?? '', removedOn: day(v.removedOn) });
            message.success('已出库，记录保留在历史中');
            await refresh();
          }}
        >
          <Form.Item name="reason" label="出库理由" rules={[{ required: true, message: '请填写出库理由' }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Form.Item name="removedOn" label="出库日期" extra="不填为今天">
            <DateField />
          </Form.Item>
        </FormModal>
      )}
      {editing && (
        <FormModal<{ name: string; sortOrder?: number }>
          title={editing === 'new' ? '新建干部库' : `修改“${editing.name}”库`}
          testId="pool-form"
          initialValues={editing === 'new' ? {} : { name: editing.name, sortOrder: editing.sortOrder }}
          onClose={() => setEditing(null)}
          onSubmit={async (v) => {
            if (editing === 'new') await poolsApi.createPool(v);
            else await poolsApi.updatePool(editing.id, { ...v, version: editing.version });
            message.success('已保存');
            await refresh();
          }}
        >
          <Form.Item name="name" label="库名" rules={[{ required: true, message: '请填写库名' }]}>
            <Input maxLength={30} data-testid="pool-name" />
          </Form.Item>
          <Form.Item name="sortOrder" label="排序号">
            <InputNumber min={0} max={10000} />
          </Form.Item>
        </FormModal>
      )}
    </div>
  );
}
