// The single-value sections of the profile form: basic facts, education, post and management.
import { useMemo } from 'react';
import { AutoComplete, Col, DatePicker, Form, Input, Row, Select, TreeSelect, type FormInstance } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { CodeSelect } from '../../shared/CodeSelect';
import { useCodeItems } from '../../shared/codes';
import { DATE_FORMAT, MONTH_FORMAT, toDayjs } from '../../shared/dates';
import { unitsApi } from '../../api/units';
import { adminApi } from '../../api/admin';
import { CADRE_STATUSES, cadresApi } from '../../api/cadres';
import type { CadreFormValues } from './cadreForm';
import { fromIdCard } from './cadreForm';
import { unitTreeOptions } from '../../shared/UnitTreeSelect';

const col = { xs: 24, md: 12, xl: 8 };
const wide = { xs: 24, xl: 16 };

export function SectionTitle({ children }: { children: React.ReactNode }) {
  return <div className="edit-section-title">{children}</div>;
}

/** Free text with suggestions from a code table's names (籍贯, 出生地, 专业技术职务). */
function NameSuggest({
  table,
  value,
  onChange,
  placeholder,
  testId,
  maxLength,
}: {
  table: 'place' | 'professionalTitle';
  value?: string;
  onChange?: (v: string) => void;
  placeholder?: string;
  testId?: string;
  maxLength?: number;
}) {
  const items = useCodeItems(table);
  const options = useMemo(() => {
    const term = (value ?? '').trim();
    if (!term) return [];
    return items
      .filter((i) => !i.header && i.name.includes(term))
      .slice(0, 30)
      .map((i) => ({ value: i.name }));
  }, [items, value]);
  return (
    <AutoComplete
      value={value}
      onChange={onChange}
      options={options}
      placeholder={placeholder}
      allowClear
      data-testid={testId}
      maxLength={maxLength}
    />
  );
}

export function BasicSection({ form }: { form: FormInstance<CadreFormValues> }) {
  const onIdCard = (e: React.ChangeEvent<HTMLInputElement>) => {
    const parsed = fromIdCard(e.target.value);
    if (parsed) form.setFieldsValue({ birthMonth: toDayjs(parsed.birthMonth), gender: parsed.gender });
  };
  return (
    <>
      <SectionTitle>基本信息</SectionTitle>
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={18} data-testid="cadre-name" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item
            name="idCard"
            label="身份证号"
            rules={[{ required: true, whitespace: true, message: '请填写身份证号' }]}
            extra="填写后自动带出出生年月和性别"
          >
            <Input maxLength={18} onChange={onIdCard} data-testid="cadre-idcard" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="gender" label="性别" rules={[{ required: true, message: '请选择性别' }]}>
            <CodeSelect table="gender" data-testid="cadre-gender" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="birthMonth" label="出生年月" rules={[{ required: true, message: '请选择出生年月' }]}>
            <DatePicker picker="month" format={MONTH_FORMAT} style={{ width: '100%' }} data-testid="cadre-birth-month" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="ethnicCode" label="民族" rules={[{ required: true, message: '请选择民族' }]}>
            <CodeSelect table="ethnic" data-testid="cadre-ethnic" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="healthCode" label="健康状况" rules={[{ required: true, message: '请选择健康状况' }]}>
            <CodeSelect table="health" data-testid="cadre-health" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="nativePlace" label="籍贯" extra="如：安徽合肥">
            <NameSuggest table="place" maxLength={18} testId="cadre-native-place" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="birthplace" label="出生地">
            <NameSuggest table="place" maxLength={18} testId="cadre-birthplace" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="workStartMonth" label="参加工作时间" rules={[{ required: true, message: '请选择参加工作时间' }]}>
            <DatePicker picker="month" format={MONTH_FORMAT} style={{ width: '100%' }} data-testid="cadre-work-start" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="politicalStatus" label="政治面貌" rules={[{ required: true, message: '请选择政治面貌' }]}>
            <CodeSelect table="political" data-testid="cadre-political" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="partyJoinMonth" label="入党时间" extra="中共党员、预备党员填写">
            <DatePicker picker="month" format={MONTH_FORMAT} style={{ width: '100%' }} data-testid="cadre-party-join" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="otherParty" label="民主党派" extra="民主党派或无党派，如：民建">
            <Input maxLength={18} data-testid="cadre-other-party" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="professionalTitle" label="专业技术职务">
            <NameSuggest table="professionalTitle" maxLength={90} testId="cadre-professional-title" />
          </Form.Item>
        </Col>
        <Col {...wide}>
          <Form.Item name="specialty" label="熟悉专业有何专长">
            <Input maxLength={110} showCount data-testid="cadre-specialty" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function EducationRow({ prefix, title }: { prefix: 'ft' | 'ip'; title: string }) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={12} xl={6}>
        <Form.Item name={`${prefix}Education`} label={`${title} 学历`}>
          <CodeSelect table="education" data-testid={`cadre-${prefix}-education`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Form.Item name={`${prefix}EducationSchool`} label="学历毕业院校系及专业">
          <Input maxLength={90} data-testid={`cadre-${prefix}-education-school`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Form.Item name={`${prefix}Degree`} label={`${title} 学位`}>
          <CodeSelect table="degree" data-testid={`cadre-${prefix}-degree`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Form.Item name={`${prefix}DegreeSchool`} label="学位毕业院校系及专业">
          <Input maxLength={90} data-testid={`cadre-${prefix}-degree-school`} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function EducationSection() {
  return (
    <>
      <SectionTitle>学历学位</SectionTitle>
      <EducationRow prefix="ft" title="全日制教育" />
      <EducationRow prefix="ip" title="在职教育" />
      <div className="muted" style={{ marginTop: -8, marginBottom: 8, fontSize: 12 }}>
        党校学历填在“在职教育”中，院校前冠“中央党校”或“省(区、市)委党校”。
      </div>
    </>
  );
}

function TagsSelect(props: { value?: string[]; onChange?: (v: string[]) => void }) {
  const tags = useQuery({ queryKey: ['cadres', 'tags'], queryFn: cadresApi.tags, staleTime: 5 * 60_000 });
  return (
    <Select
      mode="tags"
      tokenSeparators={[',', '，', '、']}
      placeholder="如：选调生、后备干部"
      options={(tags.data ?? []).map((t) => ({ value: t.tag, label: t.tag }))}
      data-testid="cadre-tags"
      {...props}
    />
  );
}

export function PostSection() {
  const tree = useQuery({ queryKey: ['units', 'tree'], queryFn: unitsApi.tree, staleTime: 5 * 60_000 });
  const authorities = useQuery({ queryKey: ['authorities'], queryFn: adminApi.authorities, staleTime: 5 * 60_000 });
  const unitOptions = useMemo(() => unitTreeOptions(tree.data ?? []), [tree.data]);
  return (
    <>
      <SectionTitle>现任职务与管理</SectionTitle>
      <Row gutter={16}>
        <Col xs={24}>
          <Form.Item name="currentPost" label="现任职务" extra="按任免表写法填写全称">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={324} data-testid="cadre-current-post" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="levelCode" label="职务层次">
            <CodeSelect table="level" data-testid="cadre-level" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="levelSince" label="任现职务层次时间">
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="cadre-level-since" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="unitId" label="工作单位">
            <TreeSelect
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeData={unitOptions}
              loading={tree.isLoading}
              placeholder="请选择单位"
              popupMatchSelectWidth={360}
              data-testid="cadre-unit"
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="authorityId" label="管理权限" rules={[{ required: true, message: '请选择管理权限' }]}>
            <Select
              options={(authorities.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
              loading={authorities.isLoading}
              data-testid="cadre-authority"
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="status" label="状态">
            <Select options={Object.entries(CADRE_STATUSES).map(([value, label]) => ({ value, label }))} data-testid="cadre-status" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="tags" label="标签" extra="输入后回车，可添加多个">
            <TagsSelect />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="remarks" label="备注">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="cadre-remarks" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
