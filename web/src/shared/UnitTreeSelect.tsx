// Choose a unit from the visible unit tree (GET /api/units/tree), searchable by name.
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { unitsApi, type UnitNode } from '../api/units';

interface TreeOption {
  value: number;
  title: string;
  children?: TreeOption[];
}
const treeOptions = (units: UnitNode[]): TreeOption[] =>
  units.map((u) => ({ value: u.id, title: u.name, children: u.children?.length ? treeOptions(u.children) : undefined }));

export function UnitTreeSelect(props: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  placeholder?: string;
  testId?: string;
  width?: number;
}) {
  const tree = useQuery({ queryKey: ['units', 'tree'], queryFn: unitsApi.tree, staleTime: 60_000 });
  const options = useMemo(() => treeOptions(tree.data ?? []), [tree.data]);
  return (
    <TreeSelect<number>
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeData={options}
      loading={tree.isLoading}
      value={props.value}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      placeholder={props.placeholder ?? '请选择单位'}
      popupMatchSelectWidth={360}
      style={props.width ? { width: props.width } : undefined}
      data-testid={props.testId}
    />
  );
}
