// 大调研: notes on teams and cadres with ratings and recommendations (建议入库, 好苗子, 列入清单 …).
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { analysisApi, type SurveyItem } from '../../api/analysisRecords';
import { FormModal } from '../../shared/FormModal';
import { CadrePicker } from '../../shared/CadrePicker';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { DATE_FORMAT, fmtDate } from '../../shared/dates';
import { useCan } from '../../shared/permissions';
import { TeamSelect, UnitTreeSelect, useAnalysisOptions } from './pickers';

interface Values {
  subject: 'team' | 'cadre';
  cadreId?: number;
  unitId?: number;
  teamId?: number;
  date: Dayjs;
  surveyors: string;
  assessment: string;
  ratings: Record<string, string | undefined>;
  recommendations: { kind: string; detail?: string }[];
}

function SurveyModal({ onClose }: { onClose: () => void }) {
  const options = useAnalysisOptions().data;
  const qc = useQueryClient();
  const submit = async (v: Values) => {
    await analysisApi.createSurvey({
      subject: v.subject,
      ...(v.subject === 'cadre' ? { cadreId: v.cadreId } : { teamId: v.teamId }),
      date: v.date.format('YYYY-MM-DD'),
      surveyors: v.surveyors,
      assessment: v.assessment,
      ratings: Object.fromEntries(Object.entries(v.ratings ?? {}).filter(([, g]) => !!g)) as Record<string, string>,
      recommendations: (v.recommendations ?? []).map((r) => ({ kind: r.kind, detail: r.detail ?? '' })),
    });
    await qc.invalidateQueries({ queryKey: ['surveys'] });
  };
  return (
    <FormModal<Values>
      title="新建调研记录"
      width={680}
      initialValues={{ subject: 'cadre', date: dayjs(), ratings: {}, recommendations: [] }}
      onSubmit={submit}
      onClose={onClose}
      testId="survey-form"
    >
      {(form) => (
        <>
          <Form.Item name="subject" label="调研对象">
            <Radio.Group
              options={options?.subjects ?? []}
              optionType="button"
              onChange={() => form.setFieldsValue({ ratings: {}, recommendations: [] })}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.subject !== b.subject || a.unitId !== b.unitId}>
            {() => {
              const subject = form.getFieldValue('subject') as Values['subject'];
              const dims = options?.ratingDimensions[subject] ?? [];
              const kinds = (options?.recommendationKinds ?? []).filter((k) => !k.subject || k.subject === subject);
              return (
                <>
                  {subject === 'cadre' ? (
                    <Form.Item name="cadreId" label="干部" rules={[{ required: true, message: '请选择干部' }]}>
                      <CadrePicker testId="survey-cadre" />
                    </Form.Item>
                  ) : (
                    <Space.Compact style={{ width: '100%' }}>
                      <Form.Item name="unitId" label="单位" style={{ width: '50%' }} rules={[{ required: true, message: '请选择单位' }]}>
                        <UnitTreeSelect onChange={() => form.setFieldValue('teamId', undefined)} />
                      </Form.Item>
                      <Form.Item name="teamId" label="班子" style={{ width: '50%' }} rules={[{ required: true, message: '请选择班子' }]}>
                        <TeamSelect unitId={form.getFieldValue('unitId') as number | undefined} />
                      </Form.Item>
                    </Space.Compact>
                  )}
                  <Form.Item label="评价">
                    <Space wrap>
                      {dims.map((d) => (
                        <Form.Item key={d.value} name={['ratings', d.value]} noStyle>
                          <Select
                            allowClear
                            placeholder={d.label}
                            style={{ width: 140 }}
                            options={(options?.ratingGrades ?? []).map((g) => ({ value: g, label: `${d.label}：${g}` }))}
                          />
                        </Form.Item>
                      ))}
                    </Space>
                  </Form.Item>
                  <Form.Item label="建议">
                    <Form.List name="recommendations">
                      {(fields, { add, remove }) => (
                        <>
                          {fields.map((f) => (
                            <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                              <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择' }]}>
                                <Select style={{ width: 150 }} options={kinds} placeholder="建议类别" />
                              </Form.Item>
                              <Form.Item noStyle shouldUpdate>
                                {() =>
                                  form.getFieldValue(['recommendations', f.name, 'kind']) === 'list' ? (
                                    <Form.Item name={[f.name, 'detail']} rules={[{ required: true, message: '请选择清单类别' }]}>
                                      <Select
                                        style={{ width: 300 }}
                                        placeholder="清单类别"
                                        options={(options?.cadreLists ?? []).map((l) => ({ value: l, label: l }))}
                                      />
                                    </Form.Item>
                                  ) : (
                                    <Form.Item name={[f.name, 'detail']}>
                                      <Input style={{ width: 300 }} maxLength={500} placeholder="说明（入库请写干部库，如 经济）" />
                                    </Form.Item>
                                  )
                                }
                              </Form.Item>
                              <MinusCircleOutlined onClick={() => remove(f.name)} />
                            </Space>
                          ))}
                          <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />}>
                            添加建议
                          </Button>
                        </>
                      )}
                    </Form.List>
                  </Form.Item>
                </>
              );
            }}
          </Form.Item>
          <Form.Item name="date" label="调研日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="surveyors" label="调研人员" rules={[{ required: true, message: '请填写调研人员' }]}>
            <Input maxLength={200} data-testid="survey-surveyors" />
          </Form.Item>
          <Form.Item name="assessment" label="调研评价" rules={[{ required: true, message: '请填写调研评价' }]}>
            <Input.TextArea rows={4} maxLength={20000} data-testid="survey-assessment" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

export function SurveysPanel() {
  const can = useCan();
  const options = useAnalysisOptions().data;
  const [subject, setSubject] = useState<string | undefined>();
  const [recommendation, setRecommendation] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  // ?cadreId= (from a 好苗子's source link): that cadre's surveys only
  const [params, setParams] = useSearchParams();
  const cadreId = Number(params.get('cadreId')) || undefined;
  const q = useQuery({
    queryKey: ['surveys', subject, recommendation, page, cadreId],
    queryFn: () => analysisApi.surveys({ subject, recommendation, page, pageSize: 20, cadreId }),
  });
  return (
    <div data-testid="surveys-panel">
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          placeholder="调研对象"
          style={{ width: 120 }}
          value={subject}
          onChange={(v) => (setSubject(v), setPage(1))}
          options={options?.subjects ?? []}
        />
        <Select
          allowClear
          placeholder="建议类别"
          style={{ width: 160 }}
          value={recommendation}
          onChange={(v) => (setRecommendation(v), setPage(1))}
          options={options?.recommendationKinds ?? []}
          data-testid="survey-filter-recommendation"
        />
        {cadreId && (
          <Tag closable onClose={() => setParams({ tab: 'surveys' })} data-testid="survey-filter-cadre">
            仅看：{q.data?.items[0]?.cadreName ?? '该干部'}的调研
          </Tag>
        )}
        {can('analysis:write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="survey-new">
            新建调研记录
          </Button>
        )}
      </Space>
      {q.error ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} /> : null}
      <Table<SurveyItem>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items}
        pagination={{ current: page, pageSize: 20, total: q.data?.total, onChange: setPage, showTotal: (t) => `共 ${t} 条`, showSizeChanger: false }}
        locale={{ emptyText: '暂无调研记录' }}
        columns={[
          { title: '调研日期', dataIndex: 'date', width: 110, render: fmtDate },
          {
            title: '对象',
            width: 220,
            render: (_: unknown, s) =>
              s.subject === 'cadre' ? (
                <span>
                  <Link to={`/cadres/${s.cadreId}`}>{s.cadreName}</Link>
                  <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                    {s.cadrePost}
                  </Typography.Text>
                </span>
              ) : (
                <span>
                  <Tag>班子</Tag>
                  {s.unitName} {s.teamName}
                </span>
              ),
          },
          { title: '调研评价', dataIndex: 'assessment', ellipsis: true },
          {
            title: '评价',
            width: 260,
            render: (_: unknown, s) => (
              <Space size={[4, 4]} wrap>
                {s.ratings.map((r) => (
                  <Tag key={r.key} color={r.grade === '好' ? 'green' : r.grade === '较差' ? 'red' : undefined}>
                    {r.label} {r.grade}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '建议',
            width: 220,
            render: (_: unknown, s) => (
              <Space size={[4, 4]} wrap>
                {s.recommendations.map((r, i) => (
                  <Tag key={i} color="gold">
                    {r.label}
                    {r.detail ? `：${r.detail}` : ''}
                  </Tag>
                ))}
                {s.promising.map((m) => (
                  <Link key={m.id} to="/young?tab=promising" data-testid={`survey-promising-${s.id}`}>
                    <Tag color={m.withdrawnOn ? undefined : 'green'}>{m.withdrawnOn ? '好苗子标记已撤销' : '已标记好苗子'}</Tag>
                  </Link>
                ))}
              </Space>
            ),
          },
          { title: '调研人员', dataIndex: 'surveyors', width: 140, ellipsis: true },
        ]}
      />
      {adding && <SurveyModal onClose={() => setAdding(false)} />}
    </div>
  );
}
