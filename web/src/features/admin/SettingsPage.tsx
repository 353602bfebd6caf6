// 业务参数: thresholds the rules use, each with its source; a change takes effect from a date.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Switch, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { adminApi, type Setting, type SettingVersion } from '../../api/admin';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { DATE_FORMAT, dateOf, fmtDate, fmtInstant } from '../../shared/dates';
import { applyFieldIssues } from '../../shared/formErrors';

function showValue(v: unknown) {
  if (typeof v === 'boolean') return v ? <Tag color="green">开启</Tag> : <Tag>关闭</Tag>;
  if (v === null || v === undefined || v === '') return <span className="muted">（空）</span>;
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'object') return <Typography.Text code>{JSON.stringify(v)}</Typography.Text>;
  return String(v);
}

function SettingModal({ setting, onClose }: { setting: Setting; onClose: () => void }) {
  const [form] = Form.useForm<{ value: unknown; effectiveFrom: Dayjs }>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const kind = typeof setting.default;

  const onOk = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      let value = v.value;
      if (kind === 'object') value = JSON.parse(String(v.value));
      await adminApi.setSetting(setting.key, value, dateOf(v.effectiveFrom)!);
      message.success('已保存，自生效日期起使用新值');
      qc.invalidateQueries({ queryKey: ['settings'] });
      onClose();
    } catch (e) {
      applyFieldIssues(form, e);
      setError(e instanceof SyntaxError ? new Error('取值不是有效的格式') : e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`修改参数：${setting.label}`}
      okText="保存"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        依据：{setting.source}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ value: kind === 'object' ? JSON.stringify(setting.value) : setting.value, effectiveFrom: dayjs() }}
        data-testid="setting-form"
      >
        <Form.Item
          name="value"
          label="取值"
          valuePropName={kind === 'boolean' ? 'checked' : 'value'}
          rules={kind === 'boolean' ? [] : [{ required: true, message: '请填写取值' }]}
        >
          {kind === 'boolean' ? (
            <Switch checkedChildren="开启" unCheckedChildren="关闭" />
          ) : kind === 'number' ? (
            <InputNumber style={{ width: 200 }} data-testid="setting-value" />
          ) : (
            <Input data-testid="setting-value" />
          )}
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label="生效日期"
          rules={[{ required: true, message: '请选择生效日期' }]}
          extra="自该日起按新值执行；之前的日期仍按原值。"
        >
          <DatePicker format={DATE_FORMAT} allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Versions({ versions }: { versions: SettingVersion[] }) {
  if (!versions.length) return <span className="muted">尚未修改，使用默认值</span>;
  return (
    <Table<SettingVersion>
      size="small"
      rowKey={(v) => v.effectiveFrom}
      pagination={false}
      dataSource={versions}
      columns={[
        { title: '生效日期', dataIndex: 'effectiveFrom', width: 120, render: fmtDate },
        { title: '取值', dataIndex: 'value', render: showValue },
        { title: '修改人', dataIndex: 'updatedBy', width: 120 },
        { title: '修改时间', dataIndex: 'updatedAt', width: 180, render: fmtInstant },
      ]}
    />
  );
}

export default function SettingsPage() {
  const settings = useQuery({ queryKey: ['settings'], queryFn: adminApi.settings });
  const [editing, setEditing] = useState<Setting | null>(null);
  return (
    <div>
      <PageTitle title="业务参数" sub="规则使用的阈值，按生效日期保留每一版" />
      {settings.error ? <ErrorAlert error={settings.error} onRetry={() => settings.refetch()} /> : null}
      <Card size="small">
        <Table<Setting>
          rowKey="key"
          loading={settings.isLoading}
          dataSource={settings.data ?? []}
          pagination={false}
          tableLayout="fixed"
          expandable={{ expandedRowRender: (s) => <Versions versions={s.versions} />, columnTitle: '' }}
          locale={{ emptyText: '暂无参数' }}
          data-testid="settings-table"
          columns={[
            { title: '参数', dataIndex: 'label', width: 260 },
            { title: '当前值', dataIndex: 'value', width: 120, render: showValue },
            { title: '默认值', dataIndex: 'default', width: 100, render: showValue },
            { title: '依据', dataIndex: 'source', ellipsis: { showTitle: true } },
            {
              title: '操作',
              key: 'op',
              width: 90,
              render: (_: unknown, s: Setting) => (
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(s)} data-testid={`setting-edit-${s.key}`}>
                  修改
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {editing && <SettingModal setting={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
