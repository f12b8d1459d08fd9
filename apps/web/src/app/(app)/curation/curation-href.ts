type SearchParams = Record<string, string | string[] | undefined>;

/** The /curation URL with every parameter kept (filters, audited version, import run) and the cursor stack replaced. */
export function curationHref(params: SearchParams, after: readonly string[]): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (name === 'after' || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) if (one !== '') query.append(name, one);
  }
  for (const cursor of after) query.append('after', cursor);
  const text = query.toString();
  return text ? `/curation?${text}` : '/curation';
}
