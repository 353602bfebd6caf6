// The conditions panel of the cadre search.
import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, TreeSelect } from 'antd';
import { DownOutlined, ReloadOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { cadresApi } from '../../api/cadres';
import { unitsApi } from '../../api/units';
import { adminApi } from '../../api/admin';
import { CodeSelect, codeOptions } from '../../shared/CodeSelect';
import { useCodeItems } from '../../shared/codes';
import { DATE_FORMAT } from '../../shared/dates';
import type { Conditions } from './searchParams';
import { unitTreeOptions } from '../../shared/UnitTreeSelect';

function PoliticalSelect(props: { value?: string; onChange?: (v: string) => void }) {
  const items = useCodeItems('political');
  const options = useMemo(
    () => [
      {
        label: '快捷条件',
        title: '快捷条件',
        options: [
          { value: 'party', label: '中共党员（含预备党员）' },
          { value: 'nonParty', label: '党外干部' },
        ],
      },
      { label: '政治面貌', title: '政治面貌', options: codeOptions(items) },
    ],
    [items],
  );
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="全部"
      options={options}
      popupMatchSelectWidth={false}
      data-testid="search-political"
      {...props}
    />
  );
}

const ETHNIC_SHORTCUTS = [{ value: 'minority', label: '少数民族（全部）' }];
// The statistics' groups, so a chart segment's search reads as it was drawn.
const EDUCATION_SHORTCUTS = [
  { value: 'secondary', label: '中专及以下' },
  { value: 'none', label: '未填学历' },
];
const LEVEL_SHORTCUTS = [{ value: 'none', label: '未定职务层次' }];

const STATUS_OPTIONS = [
  { value: 'active', label: '在职' },
  { value: 'retired', label: '退休' },
  { value: 'left', label: '调离' },
  { value: 'all', label: '全部' },
];

interface Props {
  initial: Conditions;
  advancedOpen: boolean;
  onSearch: (c: Conditions) => void;
  onReset: () => void;
  extra?: React.ReactNode;
}

export function SearchConditions({ initial, advancedOpen, onSearch, onReset, extra }: Props) {
  const [form] = Form.useForm<Conditions>();
  const [open, setOpen] = useState(advancedOpen);
  const tree = useQuery({ queryKey: ['units', 'tree'], queryFn: unitsApi.tree, staleTime: 5 * 60_000 });
  const tags = useQuery({ queryKey: ['cadres', 'tags'], queryFn: cadresApi.tags, staleTime: 5 * 60_000 });
  const authorities = useQuery({ queryKey: ['authorities'], queryFn: adminApi.authorities, staleTime: 5 * 60_000 });
  const unitOptions = useMemo(() => unitTreeOptions(tree.data ?? []), [tree.data]);

  // The URL is the source of truth: follow it when it changes (back button, links from the home page).
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(initial);
    if (advancedOpen) setOpen(true);
  }, [initial, advancedOpen, form]);

  const col = { xs: 24, md: 12, xl: 6 };
  return (
    <Card size="small" className="conditions-card" style={{ marginBottom: 16 }}>
      <Form<Conditions> form={form} labelCol={{ flex: '80px' }} labelAlign="right" onFinish={onSearch} data-testid="search-form">
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item name="q" label="姓名">
              <Input allowClear placeholder="姓名或拼音首字母" data-testid="search-q" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="gender" label="性别">
              <CodeSelect table="gender" placeholder="全部" data-testid="search-gender" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label="年龄" style={{ marginBottom: 12 }}>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="ageMin" noStyle>
                  <InputNumber min={0} max={120} placeholder="最小" style={{ width: '50%' }} data-testid="search-age-min" />
                </Form.Item>
                <Form.Item name="ageMax" noStyle>
                  <InputNumber min={0} max={120} placeholder="最大" style={{ width: '50%' }} data-testid="search-age-max" />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="political" label="政治面貌">
              <PoliticalSelect />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="education" label="学历">
              <CodeSelect table="education" headersSelectable placeholder="全部" shortcuts={EDUCATION_SHORTCUTS} data-testid="search-education" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="level" label="职务层次">
              <CodeSelect table="level" headersSelectable placeholder="全部" shortcuts={LEVEL_SHORTCUTS} data-testid="search-level" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="unitId" label="单位">
              <TreeSelect
                allowClear
                showSearch={{ treeNodeFilterProp: 'title' }}
                treeData={unitOptions}
                placeholder="含下级单位"
                loading={tree.isLoading}
                popupMatchSelectWidth={360}
                treeDefaultExpandAll={false}
                data-testid="search-unit"
              />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="rank" label="职级">
              <CodeSelect table="rank" placeholder="全部" data-testid="search-rank" />
            </Form.Item>
          </Col>
          {open && (
            <>
              <Col {...col}>
                <Form.Item name="ethnic" label="民族">
                  <CodeSelect table="ethnic" placeholder="全部" shortcuts={ETHNIC_SHORTCUTS} data-testid="search-ethnic" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="ageOn" label="年龄计算至" tooltip="按该日期计算周岁年龄，默认今天">
                  <DatePicker format={DATE_FORMAT} placeholder="今天" style={{ width: '100%' }} data-testid="search-age-on" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="specialty" label="专长">
                  <Input allowClear placeholder="熟悉专业有何专长" data-testid="search-specialty" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="tag" label="标签">
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder="全部"
                    loading={tags.isLoading}
                    options={(tags.data ?? []).map((t) => ({ value: t.tag, label: `${t.tag}（${t.count}）` }))}
                    data-testid="search-tag"
                  />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="educationAtLeast" label="学历不低于">
                  <CodeSelect table="education" placeholder="不限" data-testid="search-education-at-least" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="authorityId" label="管理权限">
                  <Select
                    allowClear
                    placeholder="全部"
                    options={(authorities.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
                    data-testid="search-authority"
                  />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="status" label="状态">
                  <Select allowClear placeholder="在职" options={STATUS_OPTIONS} data-testid="search-status" />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
          <div>{extra}</div>
          <Space>
            <Button type="link" onClick={() => setOpen(!open)} icon={open ? <UpOutlined /> : <DownOutlined />} data-testid="search-more">
              {open ? '收起条件' : '更多条件'}
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                onReset();
              }}
              data-testid="search-reset"
            >
              重置
            </Button>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="search-button">
              查询
            </Button>
          </Space>
        </div>
      </Form>
    </Card>
  );
}
