// Code tables from GET /api/codes, fetched once and cached: records store codes, the UI shows names.
import { useQuery } from '@tanstack/react-query';
import { codesApi, type CodeItem, type CodeTableName, type CodeTables } from '../api/codes';

export function useCodeTables() {
  return useQuery<CodeTables>({ queryKey: ['codes'], queryFn: codesApi.all, staleTime: Infinity, gcTime: Infinity });
}

const EMPTY: CodeItem[] = [];
const indexCache = new WeakMap<CodeItem[], Map<string, CodeItem>>();

function indexOf(items: CodeItem[]): Map<string, CodeItem> {
  let m = indexCache.get(items);
  if (!m) {
    m = new Map(items.map((i) => [i.code, i]));
    indexCache.set(items, m);
  }
  return m;
}

export function useCodeItems(table: CodeTableName): CodeItem[] {
  const { data } = useCodeTables();
  return data?.[table]?.items ?? EMPTY;
}

/** A function giving the name of a code in a table ('' when unknown or empty). */
export function useCodeName(): (table: CodeTableName, code: string | null | undefined) => string {
  const { data } = useCodeTables();
  return (table, code) => {
    if (!code) return '';
    const items = data?.[table]?.items;
    if (!items) return '';
    return indexOf(items).get(code)?.name ?? code;
  };
}
