// Pick a cadre by name or pinyin: a Select that searches GET /api/cadres?q= as the user types.
import { useEffect, useState } from 'react';
import { Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { cadresApi, type CadreListItem } from '../api/cadres';
import { fmtMonth } from './dates';
import { useCodeName } from './codes';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

function describe(c: CadreListItem, gender: string): string {
  const bits = [gender, `${fmtMonth(c.birthDate)}生`, c.currentPost || c.unitName].filter(Boolean);
  return `${c.name}（${bits.join('，')}）`;
}

export function CadrePicker({ value, onChange, testId }: { value?: number; onChange?: (v: number | undefined) => void; testId?: string }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const res = useQuery({
    queryKey: ['cadres', 'pick', q],
    queryFn: ({ signal }) => cadresApi.search({ q, pageSize: '20', status: 'active' }, signal),
    enabled: q.length > 0,
    staleTime: 60_000,
  });
  const codeName = useCodeName();
  const options = (res.data?.items ?? []).map((c) => ({ value: c.id, label: describe(c, codeName('gender', c.gender)) }));
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(v) => onChange?.(v)}
      allowClear
      placeholder="输入姓名或拼音首字母搜索，如 zs"
      options={options}
      notFoundContent={res.isFetching ? <Spin size="small" /> : q ? '没有找到在职干部' : '请输入姓名或拼音'}
      data-testid={testId}
      popupMatchSelectWidth
    />
  );
}
