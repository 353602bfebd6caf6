/** The cadre search URL for a figure's filter (the search page's URL parameters are the API's). */
export function searchUrl(filter: Record<string, string> | undefined): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filter ?? {})) if (v !== undefined && v !== '') p.set(k, v);
  const s = p.toString();
  return s ? `/cadres?${s}` : '/cadres';
}
