// The cadre search lives in the URL: its parameters are GET /api/cadres's, so a search can be linked.
import dayjs, { type Dayjs } from 'dayjs';
import { SEARCH_PARAMS, type CadreQuery } from '../../api/cadres';

export interface Conditions {
  q?: string;
  gender?: string;
  ageMin?: number | null;
  ageMax?: number | null;
  ageOn?: Dayjs | null;
  ethnic?: string;
  political?: string;
  education?: string;
  educationAtLeast?: string;
  level?: string;
  rank?: string;
  unitId?: number;
  specialty?: string;
  tag?: string;
  status?: string;
  authorityId?: number;
}

const ADVANCED: (keyof Conditions)[] = ['ethnic', 'rank', 'unitId', 'specialty', 'tag', 'status', 'authorityId', 'educationAtLeast', 'ageOn'];

export function queryFromUrl(params: URLSearchParams): CadreQuery {
  const q: CadreQuery = {};
  for (const k of SEARCH_PARAMS) {
    const v = params.get(k);
    if (v !== null && v !== '') q[k] = v;
  }
  return q;
}

export function conditionsFromUrl(params: URLSearchParams): Conditions {
  const g = (k: string) => params.get(k) || undefined;
  const n = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
  return {
    q: g('q'),
    gender: g('gender'),
    ageMin: n('ageMin'),
    ageMax: n('ageMax'),
    ageOn: params.get('ageOn') ? dayjs(params.get('ageOn')!) : null,
    ethnic: g('ethnic'),
    political: g('political'),
    education: g('education'),
    educationAtLeast: g('educationAtLeast'),
    level: g('level'),
    rank: g('rank'),
    unitId: n('unitId'),
    specialty: g('specialty'),
    tag: g('tag'),
    status: g('status'),
    authorityId: n('authorityId'),
  };
}

/** Conditions → URL parameters; keeps sort and page size, starts again at page 1. */
export function urlFromConditions(c: Conditions, current: URLSearchParams): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: string | number | null | undefined) => {
    if (v !== undefined && v !== null && String(v).trim() !== '') p.set(k, String(v).trim());
  };
  set('q', c.q);
  set('gender', c.gender);
  set('ageMin', c.ageMin);
  set('ageMax', c.ageMax);
  if (c.ageOn) set('ageOn', c.ageOn.format('YYYY-MM-DD'));
  set('ethnic', c.ethnic);
  set('political', c.political);
  set('education', c.education);
  set('educationAtLeast', c.educationAtLeast);
  set('level', c.level);
  set('rank', c.rank);
  set('unitId', c.unitId);
  set('specialty', c.specialty);
  set('tag', c.tag);
  set('status', c.status);
  set('authorityId', c.authorityId);
  for (const k of ['sort', 'order', 'pageSize']) {
    const v = current.get(k);
    if (v) p.set(k, v);
  }
  return p;
}

/** Whether any condition beyond the first rows is set (to open the panel). */
export function hasAdvanced(params: URLSearchParams): boolean {
  return ADVANCED.some((k) => params.get(k));
}
