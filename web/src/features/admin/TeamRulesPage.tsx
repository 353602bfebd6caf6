// 研判规则: which team structure rules are checked, and for which teams — the dated setting
// teamRules.applicability edited as a form instead of JSON. A change takes effect from its date.
import { useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Form, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { adminApi } from '../../api/admin';
import { analysisApi, type TeamRule } from '../../api/analysis';
import { unitsApi } from '../../api/units';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { FormModal } from '../../shared/FormModal';

const KEY = 'teamRules.applicability';

interface Selector {
  tiers?: string[];
  teamKinds?: string[];
  unitKinds?: string[];
  sevenDepartments?: boolean;
  unitNameIncludes?: string[];
}
interface Applicability {
  enabled: boolean;
  appliesTo: Selector[];
}
type Catalogue = Record<string, Applicability>;

const TIER_NAMES: Record<string, string> = { city: '市直', county: '县(市、区)', township: '乡镇(街道)' };

/** A selector in words: 县(市、区) · 党委班子、政府班子. */
export function describeSelector(s: Selector): string {
  const parts = [
    s.tiers?.length ? s.tiers.map((t) => TIER_NAMES[t] ?? t).join('、') : '',
    s.teamKinds?.length ? s.teamKinds.join('、') : '',
    s.unitKinds?.length ? `单位类别：${s.unitKinds.join('、')}` : '',
    s.sevenDepartments ? '七部门' : '',
    s.unitNameIncludes?.length ? `单位名称含“${s.unitNameIncludes.join('”或“')}”` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : '全部班子';
}

/** Drop empty fields so the stored value stays as small as the defaults. */
function clean(s: Selector): Selector {
  const out: Selector = {};
  if (s.tiers?.length) out.tiers = s.tiers;
  if (s.teamKinds?.length) out.teamKinds = s.teamKinds;
  if (s.unitKinds?.length) out.unitKinds = s.unitKinds;
  if (s.sevenDepartments) out.sevenDepartments = true;
  if (s.unitNameIncludes?.length) out.unitNameIncludes = s.unitNameIncludes;
  return out;
}

function RuleModal({ rule, catalogue, onClose }: { rule: TeamRule; catalogue: Catalogue; onClose: () => void }) {
  const kinds = useQuery({ queryKey: ['units', 'kinds'], queryFn: unitsApi.kinds, staleTime: Infinity });
  const qc = useQueryClient();
  const { message } = App.useApp();
  const current = catalogue[rule.id] ?? { enabled: true, appliesTo: [] };

  const onSubmit = async (v: Applicability & { effectiveFrom: Dayjs }) => {
    const next: Catalogue = { ...catalogue, [rule.id]: { enabled: v.enabled, appliesTo: (v.appliesTo ?? []).map(clean) } };
    await adminApi.setSetting(KEY, next, v.effectiveFrom.format('YYYY-MM-DD'));
    message.success('已保存，自生效日期起按新的适用范围研判');
    await qc.invalidateQueries({ queryKey: ['settings'] });
  };

  return (
    <FormModal<Applicability & { effectiveFrom: Dayjs }>
      width={720}
      title={`适用范围：${rule.label}`}
      initialValues={{ ...current, effectiveFrom: dayjs() }}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="rule-form"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        依据：{rule.source}
      </Typography.Paragraph>
      <Space size="large">
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch data-testid="rule-enabled" />
        </Form.Item>
        <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        适用的班子（符合任一组条件即适用；一组内各项须同时符合；不设条件则适用于全部班子）
      </Typography.Paragraph>
      <Form.List name="appliesTo">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 8 }}
                title={`条件组 ${i + 1}`}
                extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除条件组" />}
              >
                <Form.Item name={[f.name, 'tiers']} label="层级" style={{ marginBottom: 8 }}>
                  <Checkbox.Group options={Object.entries(TIER_NAMES).map(([value, label]) => ({ value, label }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'teamKinds']} label="班子类别" style={{ marginBottom: 8 }}>
                  <Select mode="multiple" allowClear options={(kinds.data?.teamKinds ?? []).map((k) => ({ value: k, label: k }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'unitKinds']} label="单位类别" style={{ marginBottom: 8 }}>
                  <Select mode="multiple" allowClear options={(kinds.data?.unitKinds ?? []).map((k) => ({ value: k, label: k }))} />
                </Form.Item>
                <Space size="large" align="start">
                  <Form.Item name={[f.name, 'sevenDepartments']} label="七部门" valuePropName="checked" style={{ marginBottom: 0 }}>
                    <Switch />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unitNameIncludes']} label="单位名称含（任一）" style={{ marginBottom: 0, width: 420 }}>
                    <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder="输入后回车，如：公安" />
                  </Form.Item>
                </Space>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="rule-add-selector">
              添加条件组
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

export default function TeamRulesPage() {
  const rules = useQuery({ queryKey: ['teams', 'rules'], queryFn: analysisApi.rules, staleTime: Infinity });
  const settings = useQuery({ queryKey: ['settings'], queryFn: adminApi.settings });
  const [editing, setEditing] = useState<TeamRule | null>(null);
  const catalogue = (settings.data?.find((s) => s.key === KEY)?.value ?? {}) as Catalogue;
  return (
    <>
      <PageTitle title="研判规则" sub="班子结构研判的规则、依据和适用范围；修改自生效日期起用于研判" />
      <ErrorAlert error={rules.error ?? settings.error} />
      <Table<TeamRule>
        rowKey="id"
        size="small"
        loading={rules.isLoading || settings.isLoading}
        dataSource={rules.data ?? []}
        pagination={false}
        columns={[
          { title: '规则', dataIndex: 'label', width: 190, render: (v: string, r) => <span data-testid={`rule-${r.id}`}>{v}</span> },
          { title: '编号', dataIndex: 'id', width: 190, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          {
            title: '状态',
            width: 80,
            render: (_: unknown, r) => ((catalogue[r.id]?.enabled ?? true) ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
          },
          {
            title: '适用范围',
            render: (_: unknown, r) => {
              const sels = catalogue[r.id]?.appliesTo ?? [];
              return sels.length ? sels.map((s, i) => <div key={i}>{describeSelector(s)}</div>) : '全部班子';
            },
          },
          { title: '依据', dataIndex: 'source', ellipsis: true },
          {
            title: '',
            width: 80,
            render: (_: unknown, r) => (
              <Button size="small" onClick={() => setEditing(r)} data-testid={`rule-edit-${r.id}`}>
                修改
              </Button>
            ),
          },
        ]}
        data-testid="rules-table"
      />
      {editing && <RuleModal rule={editing} catalogue={catalogue} onClose={() => setEditing(null)} />}
    </>
  );
}
