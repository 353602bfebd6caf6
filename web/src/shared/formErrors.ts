// Server field issues (dotted paths such as 'family.2.birthMonth') shown at their antd Form fields.
import type { FormInstance } from 'antd';
import { ApiError, type FieldIssue } from '../api/client';

export type NamePath = (string | number)[];

/** 'family.2.birthMonth' → ['family', 2, 'birthMonth']. */
export function namePathOf(field: string): NamePath {
  return field
    .split('.')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Put each issue on its field (or the nearest enclosing field the form has: 'tags.2' → 'tags');
 * returns the issues no field of the form could show. `fieldMap` renames server fields to form fields.
 */
export function applyFieldIssues(form: FormInstance, err: unknown, fieldMap: Record<string, string> = {}): FieldIssue[] {
  if (!(err instanceof ApiError) || err.issues.length === 0) return [];
  const registered = new Set(form.getFieldsError().map((f) => keyOf(f.name)));
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unplaced: FieldIssue[] = [];
  for (const issue of err.issues) {
    let name = namePathOf(fieldMap[issue.field] ?? issue.field);
    while (name.length > 0 && !registered.has(keyOf(name))) name = name.slice(0, -1);
    if (name.length === 0) {
      unplaced.push(issue);
      continue;
    }
    const key = keyOf(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  const first = [...byField.values()][0];
  if (first) form.scrollToField(first.name, { block: 'center' });
  return unplaced;
}

const keyOf = (name: readonly (string | number)[]) => name.join('.');

/** Clear the server errors of every field before a new submit. */
export function clearFieldErrors(form: FormInstance) {
  const fields = form.getFieldsError().filter((f) => f.errors.length > 0);
  if (fields.length) form.setFields(fields.map((f) => ({ name: f.name, errors: [] })));
}
