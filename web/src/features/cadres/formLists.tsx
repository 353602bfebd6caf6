// The editable lists of the profile form: 简历, 奖惩, 年度考核, 家庭成员, 职级.
import type { ReactNode } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CodeSelect } from '../../shared/CodeSelect';
import { useCodeItems } from '../../shared/codes';
import { DATE_FORMAT, MONTH_FORMAT } from '../../shared/dates';
import { APPRAISAL_GRADES } from '../../api/cadres';
import { SectionTitle } from './formSections';

interface Col {
  title: string;
  width: number | string;
  required?: boolean;
}

/** A list rendered as a light table: a header row, then one line of fields per item. */
function ListTable({ cols, children }: { cols: Col[]; children: ReactNode }) {
  return (
    <div className="list-table">
      <div className="list-head">
        {cols.map((c) => (
          <div key={c.title} style={{ flex: typeof c.width === 'number' ? `0 0 ${c.width}px` : c.width }} className={c.required ? 'req' : undefined}>
            {c.title}
          </div>
        ))}
        <div style={{ flex: '0 0 96px' }} />
      </div>
      {children}
    </div>
  );
}

function RowOps({
  index,
  count,
  move,
  remove,
  testId,
}: {
  index: number;
  count: number;
  move: (a: number, b: number) => void;
  remove: (i: number) => void;
  testId: string;
}) {
  return (
    <Space size={0} style={{ flex: '0 0 96px' }}>
      <Tooltip title="上移">
        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} />
      </Tooltip>
      <Tooltip title="下移">
        <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => move(index, index + 1)} />
      </Tooltip>
      <Tooltip title="删除">
        <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(index)} data-testid={`${testId}-remove-${index}`} />
      </Tooltip>
    </Space>
  );
}

const cell = (width: number | string) => ({ flex: typeof width === 'number' ? `0 0 ${width}px` : width, minWidth: 0, marginBottom: 8 });
const req = (message: string) => [{ required: true, message }];

export function ResumeList() {
  const cols: Col[] = [
    { title: '类别', width: 104 },
    { title: '起始年月', width: 124 },
    { title: '截止年月（空为至今）', width: 150 },
    { title: '经历内容', width: '1 1 auto', required: true },
  ];
  return (
    <>
      <SectionTitle>简历</SectionTitle>
      <div className="muted" style={{ fontSize: 12, marginBottom: 8 }}>
        每段经历一行，按时间先后、首尾衔接；“其间”行写在所属经历之后，如：（其间：2010.09--2012.07在省委党校在职研究生班学习）
      </div>
      <Form.List name="resume">
        {(fields, { add, remove, move }, { errors }) => (
          <ListTable cols={cols}>
            {fields.map((f, i) => (
              <div className="list-row" key={f.key} data-testid={`resume-row-${i}`}>
                <Form.Item name={[f.name, 'kind']} style={cell(104)}>
                  <Select
                    options={[
                      { value: 'segment', label: '经历' },
                      { value: 'note', label: '其间/说明' },
                    ]}
                  />
                </Form.Item>
                <Form.Item noStyle shouldUpdate={(a, b) => a.resume?.[f.name]?.kind !== b.resume?.[f.name]?.kind}>
                  {({ getFieldValue }) => {
                    const note = getFieldValue(['resume', f.name, 'kind']) === 'note';
                    return (
                      <>
                        <Form.Item name={[f.name, 'startMonth']} style={cell(124)} rules={note ? [] : req('请选择起始年月')}>
                          <DatePicker
                            picker="month"
                            format={MONTH_FORMAT}
                            disabled={note}
                            placeholder={note ? '—' : '起始'}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                        <Form.Item name={[f.name, 'endMonth']} style={cell(150)}>
                          <DatePicker
                            picker="month"
                            format={MONTH_FORMAT}
                            disabled={note}
                            placeholder={note ? '—' : '至今'}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                      </>
                    );
                  }}
                </Form.Item>
                <Form.Item name={[f.name, 'text']} style={cell('1 1 auto')} rules={req('请填写经历内容')}>
                  <Input maxLength={300} placeholder="如：某某县某某局科员" data-testid={`resume-text-${i}`} />
                </Form.Item>
                <RowOps index={i} count={fields.length} move={move} remove={remove} testId="resume" />
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <Space>
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'segment', startMonth: null, endMonth: null, text: '' })}
                data-testid="resume-add"
              >
                添加经历
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'note', startMonth: null, endMonth: null, text: '（其间：）' })}>
                添加其间说明
              </Button>
            </Space>
          </ListTable>
        )}
      </Form.List>
    </>
  );
}

export function RewardsList() {
  const cols: Col[] = [
    { title: '类别', width: 96, required: true },
    { title: '年月', width: 124, required: true },
    { title: '内容', width: '1 1 auto', required: true },
    { title: '文号', width: 200 },
  ];
  return (
    <>
      <SectionTitle>奖惩情况</SectionTitle>
      <Form.Item name="rewardsText" label="任免表文字" extra="任免表中“奖惩情况”栏的原文；无奖惩填“无”。不填时按下列记录生成。">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={552} showCount data-testid="cadre-rewards-text" />
      </Form.Item>
      <Form.List name="rewards">
        {(fields, { add, remove, move }, { errors }) => (
          <ListTable cols={cols}>
            {fields.map((f, i) => (
              <div className="list-row" key={f.key}>
                <Form.Item name={[f.name, 'kind']} style={cell(96)} rules={req('请选择')}>
                  <Select
                    options={[
                      { value: 'reward', label: '奖励' },
                      { value: 'punishment', label: '惩处' },
                    ]}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'month']} style={cell(124)} rules={req('请选择年月')}>
                  <DatePicker picker="month" format={MONTH_FORMAT} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name={[f.name, 'description']} style={cell('1 1 auto')} rules={req('请填写内容')}>
                  <Input maxLength={552} placeholder="如：被评为全省优秀共产党员" />
                </Form.Item>
                <Form.Item name={[f.name, 'docNo']} style={cell(200)}>
                  <Input maxLength={60} />
                </Form.Item>
                <RowOps index={i} count={fields.length} move={move} remove={remove} testId="reward" />
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'reward', month: null, description: '', docNo: '' })} data-testid="reward-add">
              添加奖惩记录
            </Button>
          </ListTable>
        )}
      </Form.List>
    </>
  );
}

export function AppraisalsList() {
  const cols: Col[] = [
    { title: '年度', width: 120, required: true },
    { title: '考核结果', width: 160, required: true },
  ];
  return (
    <>
      <SectionTitle>年度考核结果</SectionTitle>
      <Form.Item name="appraisalText" label="任免表文字" extra="任免表中“年度考核结果”栏的原文（近两年）。不填时按下列记录生成。">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={414} showCount data-testid="cadre-appraisal-text" />
      </Form.Item>
      <Form.List name="appraisals">
        {(fields, { add, remove, move }, { errors }) => (
          <ListTable cols={cols}>
            {fields.map((f, i) => (
              <div className="list-row" key={f.key}>
                <Form.Item name={[f.name, 'year']} style={cell(120)} rules={req('请填写年度')}>
                  <InputNumber min={1950} max={2100} precision={0} style={{ width: '100%' }} placeholder="如 2023" />
                </Form.Item>
                <Form.Item name={[f.name, 'grade']} style={cell(160)} rules={req('请选择考核结果')}>
                  <Select options={APPRAISAL_GRADES.map((g) => ({ value: g, label: g }))} />
                </Form.Item>
                <div style={{ flex: '1 1 auto' }} />
                <RowOps index={i} count={fields.length} move={move} remove={remove} testId="appraisal" />
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <Button icon={<PlusOutlined />} onClick={() => add({ year: new Date().getFullYear() - 1 })} data-testid="appraisal-add">
              添加年度考核
            </Button>
          </ListTable>
        )}
      </Form.List>
    </>
  );
}

function RelationSelect(props: { value?: string; onChange?: (v: string) => void }) {
  // 称谓 is stored as the GB/T 4761 name, as the 任免表 writes it.
  const items = useCodeItems('relation');
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      options={items.map((i) => ({ value: i.name, label: i.name }))}
      placeholder="称谓"
      popupMatchSelectWidth={160}
      {...props}
    />
  );
}

export function FamilyList() {
  const cols: Col[] = [
    { title: '称谓', width: 110, required: true },
    { title: '姓名', width: 110, required: true },
    { title: '出生年月', width: 124 },
    { title: '政治面貌', width: 130 },
    { title: '工作单位及职务（已故者注明“已故”）', width: '1 1 auto' },
  ];
  return (
    <>
      <SectionTitle>家庭主要成员及重要社会关系</SectionTitle>
      <Form.List name="family">
        {(fields, { add, remove, move }, { errors }) => (
          <ListTable cols={cols}>
            {fields.map((f, i) => (
              <div className="list-row" key={f.key} data-testid={`family-row-${i}`}>
                <Form.Item name={[f.name, 'relation']} style={cell(110)} rules={req('请选择称谓')}>
                  <RelationSelect />
                </Form.Item>
                <Form.Item name={[f.name, 'name']} style={cell(110)} rules={req('请填写姓名')}>
                  <Input maxLength={18} />
                </Form.Item>
                <Form.Item name={[f.name, 'birthMonth']} style={cell(124)}>
                  <DatePicker picker="month" format={MONTH_FORMAT} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name={[f.name, 'politicalStatus']} style={cell(130)}>
                  <CodeSelect table="political" placeholder="政治面貌" />
                </Form.Item>
                <Form.Item name={[f.name, 'workUnitPost']} style={cell('1 1 auto')}>
                  <Input maxLength={124} />
                </Form.Item>
                <RowOps index={i} count={fields.length} move={move} remove={remove} testId="family" />
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', birthMonth: null, workUnitPost: '' })} data-testid="family-add">
              添加家庭成员
            </Button>
          </ListTable>
        )}
      </Form.List>
    </>
  );
}

export function RanksList() {
  const cols: Col[] = [
    { title: '职级', width: 150, required: true },
    { title: '任职级日期', width: 150, required: true },
    { title: '免职级日期（空为现任）', width: 170 },
    { title: '文号', width: '1 1 auto' },
  ];
  return (
    <>
      <SectionTitle>职级</SectionTitle>
      <div className="muted" style={{ fontSize: 12, marginBottom: 8 }}>
        未填免职级日期的一条为现职级；各条任职时间不得重叠。
      </div>
      <Form.List name="ranks">
        {(fields, { add, remove, move }, { errors }) => (
          <ListTable cols={cols}>
            {fields.map((f, i) => (
              <div className="list-row" key={f.key}>
                <Form.Item name={[f.name, 'rankCode']} style={cell(150)} rules={req('请选择职级')}>
                  <CodeSelect table="rank" />
                </Form.Item>
                <Form.Item name={[f.name, 'startDate']} style={cell(150)} rules={req('请选择日期')}>
                  <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name={[f.name, 'endDate']} style={cell(170)}>
                  <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="现任" />
                </Form.Item>
                <Form.Item name={[f.name, 'docNo']} style={cell('1 1 auto')}>
                  <Input maxLength={60} />
                </Form.Item>
                <RowOps index={i} count={fields.length} move={move} remove={remove} testId="rank" />
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <Button icon={<PlusOutlined />} onClick={() => add({ startDate: null, endDate: null, docNo: '' })} data-testid="rank-add">
              添加职级记录
            </Button>
          </ListTable>
        )}
      </Form.List>
    </>
  );
}
