import { api } from './client';

export interface CodeItem {
  code: string;
  name: string;
  parent?: string;
  header?: boolean;
}

export interface CodeTableData {
  label: string;
  items: CodeItem[];
}

export type CodeTableName =
  'gender' | 'ethnic' | 'political' | 'education' | 'degree' | 'health' | 'relation' | 'professionalTitle' | 'level' | 'rank' | 'place';

export type CodeTables = Partial<Record<CodeTableName, CodeTableData>>;

export const codesApi = {
  all: () => api.get<CodeTables>('/api/codes'),
};
