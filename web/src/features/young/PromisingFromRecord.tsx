// The 好苗子 found in one 研判 record (its side of the link of issue 5): the marks made from it, and a
// form to mark one more with this record as the source.
import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, List, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { youngApi, type RecordMark } from '../../api/pools';
import { CadrePicker } from '../../shared/CadrePicker';
import { FormModal } from '../../shared/FormModal';
import { fmtDate } from '../../shared/dates';
import { useCan } from '../../shared/permissions';
import { DateField, day } from '../pools/common';

export function PromisingFromRecord({ analysisId, asOf, marks }: { analysisId: number; asOf: string; marks: RecordMark[] }) {
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  if (!can('pool:read')) return null;
  return (
    <Card
      size="small"
      title="据本次研判标记的好苗子"
      style={{ marginTop: 16 }}
      data-testid="record-promising"
      extra={
        can('pool:write') && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="record-promising-new">
            标记好苗子
          </Button>
        )
      }
    >
      {marks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未据本次研判标记好苗子" />
      ) : (
        <List
          size="small"
          dataSource={marks}
          renderItem={(m) => (
            <List.Item extra={m.withdrawnOn ? <Tag>{fmtDate(m.withdrawnOn)} 撤销</Tag> : <Tag color="green">重点掌握</Tag>}>
              <Link to={`/cadres/${m.cadreId}`} data-testid={`record-promising-${m.cadreId}`}>
                {m.name}
              </Link>
              <span className="muted" style={{ marginInlineStart: 8 }}>
                {fmtDate(m.markedOn)} 标记
              </span>
            </List.Item>
          )}
        />
      )}
      <div style={{ marginTop: 8 }}>
        <Link to="/young?tab=promising">查看好苗子名单</Link>
      </div>
      {adding && (
        <FormModal<{ cadreId: number; markedOn?: Dayjs; note?: string }>
          title="据本次研判标记好苗子"
          testId="record-promising-form"
          onClose={() => setAdding(false)}
          onSubmit={async (v) => {
            await youngApi.markPromising({
              cadreId: v.cadreId,
              source: 'analysis',
              sourceAnalysisId: analysisId,
              markedOn: day(v.markedOn),
              note: v.note,
            });
            message.success('已标记好苗子');
            await Promise.all([qc.invalidateQueries({ queryKey: ['analysis-records'] }), qc.invalidateQueries({ queryKey: ['young'] })]);
          }}
        >
          <Form.Item name="cadreId" label="干部" rules={[{ required: true, message: '请选择干部' }]}>
            <CadrePicker testId="record-promising-cadre" />
          </Form.Item>
          <Form.Item name="markedOn" label="标记日期" extra={`不填为研判日期 ${fmtDate(asOf)}`}>
            <DateField testId="record-promising-date" />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
