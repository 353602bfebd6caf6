// 新建研判: kind, date, scope (all teams, units with their subtrees, one team, or a key post), people.
import { Alert, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { analysisApi, type AnalysisInput } from '../../api/analysisRecords';
import { FormModal } from '../../shared/FormModal';
import { DATE_FORMAT } from '../../shared/dates';
import { TeamSelect, UnitTreeSelect, useAnalysisOptions } from './pickers';

interface Values {
  kind: string;
  asOf: Dayjs;
  mode: 'all' | 'units' | 'team' | 'post';
  unitIds?: number[];
  unitId?: number;
  teamId?: number;
  postId?: number;
  title?: string;
  participants: string[];
  judgement?: string;
  suggestions?: string;
}

const SCOPE_FOR_KIND: Record<string, Values['mode']> = { regular: 'all', key: 'units', special: 'team' };

export function AnalysisCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const options = useAnalysisOptions();
  const submit = async (v: Values) => {
    const scope: AnalysisInput['scope'] =
      v.mode === 'all'
        ? { all: true }
        : v.mode === 'units'
          ? { unitIds: v.unitIds ?? [] }
          : v.mode === 'team'
            ? { teamIds: v.teamId ? [v.teamId] : [] }
            : { postId: v.postId };
    const { id } = await analysisApi.create({
      kind: v.kind,
      asOf: v.asOf.format('YYYY-MM-DD'),
      scope,
      title: v.title,
      participants: v.participants ?? [],
      judgement: v.judgement,
      suggestions: v.suggestions,
    });
    onCreated(id);
  };
  return (
    <FormModal<Values>
      title="新建研判"
      okText="研判并保存"
      width={640}
      initialValues={{ kind: 'regular', asOf: dayjs(), mode: 'all', participants: [] }}
      onSubmit={submit}
      onClose={onClose}
      testId="analysis-form"
      fieldMap={{ scope: 'mode', 'scope.unitIds': 'unitIds', 'scope.teamIds': 'teamId', 'scope.postId': 'postId' }}
    >
      {(form) => (
        <>
          <Form.Item name="kind" label="研判类别" rules={[{ required: true }]}>
            <Radio.Group
              options={options.data?.kinds ?? []}
              optionType="button"
              onChange={(e) => form.setFieldValue('mode', SCOPE_FOR_KIND[e.target.value as string])}
              data-testid="analysis-kind"
            />
          </Form.Item>
          <Form.Item
            name="asOf"
            label="研判日期"
            rules={[{ required: true, message: '请选择研判日期' }]}
            extra="自动研判按该日的班子成员、职数和年龄计算，并保存当日结论"
          >
            <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="analysis-asof" />
          </Form.Item>
          <Form.Item name="mode" label="研判范围">
            <Radio.Group
              data-testid="analysis-mode"
              options={[
                { value: 'all', label: '管理范围内全部班子' },
                { value: 'units', label: '按单位（含下级）' },
                { value: 'team', label: '一个班子' },
                { value: 'post', label: '关键岗位' },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.mode !== b.mode || a.unitId !== b.unitId}>
            {() => {
              const mode = form.getFieldValue('mode') as Values['mode'];
              if (mode === 'all')
                return <Alert type="info" showIcon title="将对管理范围内的全部班子逐一研判，班子多时需稍候" style={{ marginBottom: 16 }} />;
              if (mode === 'units')
                return (
                  <Form.Item name="unitIds" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
                    <UnitTreeSelect multiple testId="analysis-units" />
                  </Form.Item>
                );
              return (
                <>
                  <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
                    <UnitTreeSelect testId="analysis-unit" onChange={() => form.setFieldsValue({ teamId: undefined, postId: undefined })} />
                  </Form.Item>
                  {mode === 'team' ? (
                    <Form.Item name="teamId" label="班子" rules={[{ required: true, message: '请选择班子' }]}>
                      <TeamSelect unitId={form.getFieldValue('unitId') as number | undefined} testId="analysis-team" />
                    </Form.Item>
                  ) : (
                    <Form.Item name="postId" label="职位" rules={[{ required: true, message: '请选择职位' }]}>
                      <TeamSelect posts unitId={form.getFieldValue('unitId') as number | undefined} testId="analysis-post" />
                    </Form.Item>
                  )}
                </>
              );
            }}
          </Form.Item>
          <Form.Item name="title" label="标题" extra="不填则为“某年定期研判”等">
            <Input maxLength={100} data-testid="analysis-title" />
          </Form.Item>
          <Form.Item name="participants" label="参加人员">
            <Select
              mode="tags"
              tokenSeparators={['，', ',', '、', ' ']}
              placeholder="输入姓名后回车"

              data-testid="analysis-participants"
            />
          </Form.Item>
          <Form.Item name="judgement" label="研判意见" extra="可在保存后看过自动研判结论再填写">
            <Input.TextArea rows={3} maxLength={20000} />
          </Form.Item>
          <Form.Item name="suggestions" label="意见建议">
            <Input.TextArea rows={2} maxLength={20000} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
