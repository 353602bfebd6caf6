// Pickers of the 研判 forms: units as a tree, a unit's teams, a team's posts; shared options.
import { useMemo } from 'react';
import { Select, TreeSelect } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { unitsApi } from '../../api/units';
import { useUnitTreeOptions } from '../../shared/UnitTreeSelect';
import { analysisApi } from '../../api/analysisRecords';

export function useAnalysisOptions() {
  return useQuery({ queryKey: ['analysis-records', 'options'], queryFn: analysisApi.options, staleTime: Infinity });
}

export function UnitTreeSelect(props: {
  value?: number | number[];
  onChange?: (v: number | number[] | undefined) => void;
  multiple?: boolean;
  testId?: string;
}) {
  const { options, loading } = useUnitTreeOptions();
  return (
    <TreeSelect
      allowClear
      multiple={props.multiple}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeData={options}
      value={props.value}
      onChange={props.onChange}
      placeholder="选择单位"
      loading={loading}
      popupMatchSelectWidth={400}
      data-testid={props.testId}
    />
  );
}

/** The teams of a unit (and, when `withPosts`, their posts as “班子 / 职位”). */
export function TeamSelect(props: { unitId?: number; value?: number; onChange?: (v: number | undefined) => void; posts?: boolean; testId?: string }) {
  const unit = useQuery({ queryKey: ['units', props.unitId, 'detail'], queryFn: () => unitsApi.unit(props.unitId!), enabled: !!props.unitId });
  const options = useMemo(
    () =>
      (unit.data?.teams ?? []).flatMap((t) =>
        props.posts ? t.posts.map((p) => ({ value: p.id, label: `${t.name} / ${p.title}` })) : [{ value: t.id, label: t.name }],
      ),
    [unit.data, props.posts],
  );
  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      disabled={!props.unitId}
      loading={unit.isLoading}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      options={options}
      placeholder={props.unitId ? (props.posts ? '选择职位' : '选择班子') : '请先选择单位'}
      notFoundContent={props.posts ? '该单位没有职位' : '该单位没有班子'}
      data-testid={props.testId}
    />
  );
}

export const KIND_COLORS: Record<string, string> = { regular: 'blue', key: 'purple', special: 'orange' };
export const STATUS_COLORS: Record<string, string> = { pending: 'default', following: 'processing', done: 'success' };
