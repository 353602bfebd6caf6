// 班子研判总览: every structure rule over every team of a unit subtree on a date, counted by rule;
// a rule's count filters the list, a team opens its unit (GET /api/teams/findings).
import { useMemo, useState } from 'react';
import { Card, DatePicker, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { analysisApi, type ScopeFinding } from '../../api/analysis';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect';

export default function FindingsPage() {
  const [asOf, setAsOf] = useState<Dayjs>(dayjs());
  const [unitId, setUnitId] = useState<number | undefined>();
  const [rule, setRule] = useState<string | undefined>();
  const rules = useQuery({ queryKey: ['teams', 'rules'], queryFn: analysisApi.rules, staleTime: Infinity });
  const q = { asOf: asOf.format('YYYY-MM-DD'), unitId };
  const data = useQuery({ queryKey: ['teams', 'findings', q], queryFn: () => analysisApi.findings(q) });
  const label = useMemo(() => new Map((rules.data ?? []).map((r) => [r.id, r.label])), [rules.data]);
  const rows = (data.data?.findings ?? []).filter((f) => !rule || f.rule === rule);
  const teamsWith = new Set(rows.map((f) => f.teamId)).size;

  return (
    <>
      <PageTitle title="班子研判" sub="按规则自动查找班子结构短板：女干部、党外干部、年轻干部、职数、任期、回避、专业结构" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="研判日期">
            <DatePicker value={asOf} allowClear={false} onChange={(d) => d && setAsOf(d)} data-testid="findings-date" />
          </Form.Item>
          <Form.Item label="单位">
            <UnitTreeSelect value={unitId} onChange={setUnitId} width={240} placeholder="全部（含下级单位）" testId="findings-unit" />
          </Form.Item>
          <Form.Item label="规则">
            <Select
              allowClear
              style={{ width: 220 }}
              value={rule}
              onChange={setRule}
              placeholder="全部规则"
              options={(rules.data ?? []).map((r) => ({ value: r.id, label: r.label }))}
              data-testid="findings-rule"
            />
          </Form.Item>
        </Form>
        {data.data && (
          <Space wrap style={{ marginTop: 12 }} data-testid="findings-summary">
            <span className="muted">研判 {data.data.teams} 个班子：</span>
            {(rules.data ?? []).map((r) => (
              <Tag.CheckableTag
                key={r.id}
                checked={rule === r.id}
                onChange={(on) => setRule(on ? r.id : undefined)}
                data-testid={`findings-count-${r.id}`}
              >
                {r.label} {data.data.byRule[r.id] ?? 0}
              </Tag.CheckableTag>
            ))}
          </Space>
        )}
      </Card>
      <ErrorAlert error={data.error} onRetry={() => data.refetch()} />
      <Table<ScopeFinding>
        size="small"
        loading={data.isLoading}
        rowKey={(f) => `${f.teamId}-${f.rule}-${f.detail}`}
        dataSource={rows}
        pagination={{ pageSize: 20, showTotal: (n) => `${n} 条结论，涉及 ${teamsWith} 个班子` }}
        expandable={{ expandedRowRender: (f) => <Typography.Text type="secondary">依据：{f.source}</Typography.Text> }}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 220, render: (v: string, f) => <Link to={`/units/${f.unitId}`}>{v}</Link> },
          { title: '班子', dataIndex: 'teamName', width: 220 },
          { title: '规则', dataIndex: 'rule', width: 170, render: (r: string) => <Tag color="orange">{label.get(r) ?? r}</Tag> },
          { title: '说明', dataIndex: 'detail' },
          {
            title: '涉及成员',
            dataIndex: 'memberNames',
            width: 160,
            render: (names: string[], f) =>
              names.map((n, i) => {
                const id = f.members?.[i];
                return typeof id === 'number' ? (
                  <Link key={i} to={`/cadres/${id}`} style={{ marginRight: 6 }}>
                    {n}
                  </Link>
                ) : (
                  <span key={i}>{n} </span>
                );
              }),
          },
        ]}
        data-testid="findings-table"
      />
    </>
  );
}
