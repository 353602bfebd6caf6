// A unit picker over the units tree the user may see ("含下级单位" where the caller says so).
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { unitsApi, type UnitNode } from '../api/units';

export interface UnitTreeOption {
  value: number;
  title: string;
  children?: UnitTreeOption[];
}

export function unitTreeOptions(units: UnitNode[]): UnitTreeOption[] {
  return units.map((u) => ({ value: u.id, title: u.name, children: u.children?.length ? unitTreeOptions(u.children) : undefined }));
}

/** The units tree as TreeSelect options, cached for five minutes. */
export function useUnitTreeOptions() {
  const tree = useQuery({ queryKey: ['units', 'tree'], queryFn: unitsApi.tree, staleTime: 5 * 60_000 });
  const options = useMemo(() => unitTreeOptions(tree.data ?? []), [tree.data]);
  return { options, loading: tree.isLoading };
}

export function UnitTreeSelect(props: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  placeholder?: string;
  width?: number;
  testId?: string;
}) {
  const { options, loading } = useUnitTreeOptions();
  return (
    <TreeSelect
      allowClear
      style={props.width ? { width: props.width } : undefined}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeData={options}
      loading={loading}
      value={props.value}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      placeholder={props.placeholder ?? '请选择单位'}
      popupMatchSelectWidth={360}
      data-testid={props.testId}
    />
  );
}
