// 审计日志: who did what, when and from where; filtered by event, user and date range.
import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import { SearchOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { adminApi, type AuditEntry, type AuditQuery } from '../../api/admin';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { DATE_FORMAT, dateOf, fmtInstant } from '../../shared/dates';
import { TARGET_LABELS } from '../../shared/fieldLabels';
import { AuditDetail } from './auditDetail';

interface Filters {
  event?: string;
  username?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const EVENT_COLORS: Record<string, string> = {
  auth: 'blue',
  cadre: 'green',
  unit: 'cyan',
  team: 'cyan',
  post: 'cyan',
  appointment: 'purple',
  user: 'gold',
  role: 'magenta',
  settings: 'orange',
  demo: 'default',
};

export default function AuditPage() {
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 });
  const events = useQuery({ queryKey: ['audit', 'events'], queryFn: adminApi.auditEvents, staleTime: Infinity });
  const list = useQuery({ queryKey: ['audit', query], queryFn: () => adminApi.audit(query), placeholderData: keepPreviousData });

  const onSearch = (f: Filters) => {
    setQuery({
      page: 1,
      pageSize: query.pageSize,
      event: f.event || undefined,
      username: f.username?.trim() || undefined,
      from: dateOf(f.range?.[0]) ?? undefined,
      to: dateOf(f.range?.[1]) ?? undefined,
    });
  };

  const columns = [
    { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => <span className="nowrap">{fmtInstant(v)}</span> },
    { title: '用户', dataIndex: 'username', width: 110, ellipsis: true },
    { title: 'IP 地址', dataIndex: 'ip', width: 130, ellipsis: true },
    {
      title: '事件',
      dataIndex: 'eventName',
      width: 130,
      render: (v: string, r: AuditEntry) => (
        <Tag color={EVENT_COLORS[r.event.split('.')[0]] ?? 'default'} style={{ marginInlineEnd: 0 }}>
          {v || events.data?.[r.event] || r.event}
        </Tag>
      ),
    },
    {
      title: '对象',
      key: 'target',
      width: 120,
      render: (_: unknown, r: AuditEntry) =>
        r.targetType ? `${TARGET_LABELS[r.targetType] ?? r.targetType} #${r.targetId ?? ''}` : <span className="muted">—</span>,
    },
    { title: '详情', dataIndex: 'detail', render: (d: Record<string, unknown>) => <AuditDetail detail={d} /> },
  ];

  return (
    <div>
      <PageTitle title="审计日志" sub="登录、查阅和每一次修改的记录，不可删改" />
      <Card style={{ marginBottom: 16 }} size="small">
        <Form<Filters> form={form} layout="inline" onFinish={onSearch} data-testid="audit-filters" style={{ rowGap: 8 }}>
          <Form.Item name="event" label="事件">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="全部事件"
              style={{ width: 180 }}
              loading={events.isLoading}
              options={Object.entries(events.data ?? {}).map(([value, label]) => ({ value, label }))}
              data-testid="audit-event"
            />
          </Form.Item>
          <Form.Item name="username" label="用户名">
            <Input allowClear placeholder="用户名" style={{ width: 150 }} data-testid="audit-username" />
          </Form.Item>
          <Form.Item name="range" label="日期">
            <DatePicker.RangePicker format={DATE_FORMAT} allowEmpty={[true, true]} data-testid="audit-range" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
                查询
              </Button>
              <Button
                icon={<ReloadOutlined />}
                onClick={() => {
                  form.resetFields();
                  setQuery({ page: 1, pageSize: query.pageSize });
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {list.error ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
      <Card size="small">
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          tableLayout="fixed"
          locale={{ emptyText: '没有符合条件的记录' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (t) => `共 ${t} 条`,
            onChange: (page, pageSize) => setQuery((q) => ({ ...q, page: pageSize === q.pageSize ? page : 1, pageSize })),
          }}
          data-testid="audit-table"
        />
      </Card>
    </div>
  );
}
