// A code table offered as a searchable Select of names; the value is the code.
import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import type { CodeItem, CodeTableName } from '../api/codes';
import { useCodeItems, useCodeTables } from './codes';

interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}
interface Group {
  label: string;
  title: string;
  options: Option[];
}

/** Items grouped under their non-selectable headers (ZB09 series, ZB64 groups), flat otherwise. */
export function codeOptions(items: CodeItem[], filter?: (i: CodeItem) => boolean, headersSelectable = false): (Option | Group)[] {
  const list = filter ? items.filter((i) => i.header || filter(i)) : items;
  const headers = new Map(list.filter((i) => i.header).map((h) => [h.code, h]));
  if (headers.size === 0) return list.map((i) => ({ value: i.code, label: i.name }));
  const groups = new Map<string, Group>();
  const out: (Option | Group)[] = [];
  for (const i of list) {
    if (i.header) {
      const g: Group = { label: i.name, title: i.name, options: headersSelectable ? [{ value: i.code, label: `${i.name}（全部）` }] : [] };
      groups.set(i.code, g);
      out.push(g);
      continue;
    }
    let p = i.parent;
    while (p && !groups.has(p) && headers.get(p)?.parent) p = headers.get(p)?.parent;
    const g = p ? groups.get(p) : undefined;
    if (g) g.options.push({ value: i.code, label: i.name });
    else out.push({ value: i.code, label: i.name });
  }
  return out.filter((o) => !('options' in o) || o.options.length > 0);
}

export type CodeSelectProps = Omit<SelectProps<string>, 'options'> & {
  table: CodeTableName;
  /** keep only some items (headers are kept for grouping) */
  filter?: (i: CodeItem) => boolean;
  /** offer each group heading as an option meaning the whole group (search conditions) */
  headersSelectable?: boolean;
  /** shortcuts offered before the table's items (e.g. 少数民族 for all but 汉族) */
  shortcuts?: { value: string; label: string }[];
};

export function CodeSelect({ table, filter, headersSelectable, shortcuts, placeholder, ...rest }: CodeSelectProps) {
  const items = useCodeItems(table);
  const { isLoading } = useCodeTables();
  const options = useMemo(() => {
    const list = codeOptions(items, filter, headersSelectable);
    return shortcuts?.length ? [{ label: '快捷条件', title: '快捷条件', options: shortcuts }, ...list] : list;
  }, [items, filter, headersSelectable, shortcuts]);
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={isLoading}
      placeholder={placeholder ?? '请选择'}
      notFoundContent={isLoading ? '加载中…' : '无匹配项'}
      popupMatchSelectWidth={false}
      options={options}
      {...rest}
    />
  );
}
