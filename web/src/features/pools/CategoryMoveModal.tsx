// Move a cadre to another category list (or off the lists); the reason is required by the server.
import { App, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { CATEGORIES, poolsApi } from '../../api/pools';
import { CadrePicker } from '../../shared/CadrePicker';
import { FormModal } from '../../shared/FormModal';
import { DateField, day } from './common';

const OFF = 'off';

export function CategoryMoveModal({ cadre, current, onClose }: { cadre?: { id: number; name: string }; current?: string; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const options = [
    ...Object.entries(CATEGORIES).map(([value, label]) => ({ value, label, disabled: value === current })),
    ...(current ? [{ value: OFF, label: '移出四类干部清单', disabled: false }] : []),
  ];
  return (
    <FormModal<{ cadreId?: number; category: string; reason: string; date?: Dayjs; reviewDue?: Dayjs }>
      title={cadre ? `调整 ${cadre.name} 所在清单` : '列入或调整四类干部清单'}
      testId="category-form"
      onClose={onClose}
      onSubmit={async (v) => {
        const id = cadre?.id ?? v.cadreId!;
        const r = await poolsApi.moveCategory(id, {
          category: v.category === OFF ? null : v.category,
          reason: v.reason ?? '',
          date: day(v.date),
          reviewDue: day(v.reviewDue),
        });
        message.success(r.reviewDue ? `已调整，复核日期 ${r.reviewDue}` : '已移出清单');
        await qc.invalidateQueries({ queryKey: ['pools'] });
      }}
    >
      {!cadre && (
        <Form.Item name="cadreId" label="干部" rules={[{ required: true, message: '请选择干部' }]}>
          <CadrePicker testId="category-cadre" />
        </Form.Item>
      )}
      <Form.Item name="category" label="清单类别" rules={[{ required: true, message: '请选择清单类别' }]}>
        <Select options={options} data-testid="category-select" />
      </Form.Item>
      {/* Not required here: the server's own message names the field, so the rule lives in one place. */}
      <Form.Item name="reason" label="调整理由" extra="必填：写明列入或调整的依据（如大调研、研判结论）">
        <Input.TextArea rows={3} maxLength={500} data-testid="category-reason" />
      </Form.Item>
      <Form.Item name="date" label="调整日期" extra="不填为今天">
        <DateField testId="category-date" />
      </Form.Item>
      <Form.Item name="reviewDue" label="复核日期" extra="不填按复核周期（业务参数）推算">
        <DateField />
      </Form.Item>
    </FormModal>
  );
}
