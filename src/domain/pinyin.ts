// Pinyin keys for name search: full pinyin and initials, lower case, no tones or spaces.
// Surname mode reads polyphonic surnames as surnames (单 → shan, 曾 → zeng).
import { pinyin } from 'pinyin-pro';

export function nameKeys(name: string): { namePinyin: string; nameInitials: string } {
  const clean = name.replace(/[\s·•]/g, '');
  const syllables = pinyin(clean, { mode: 'surname', toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  const parts = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  return { namePinyin: parts.join(''), nameInitials: parts.map((s) => s[0]).join('') };
}

/** Is the query pinyin (Latin letters only), so it should match the pinyin keys instead of the name? */
export function isPinyinQuery(q: string): boolean {
  return /^[a-zA-Z]+$/.test(q.trim());
}
