/**
 * A GET filter form sends every field, so "Any" choices arrive as `site=&source=`. Dropping them keeps shared
 * links short and readable; returns null when there is nothing to drop.
 */
export function dropEmptyParams(search: string): string | null {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  let dropped = false;
  for (const [key, value] of params) {
    if (value === '') dropped = true;
    else kept.append(key, value);
  }
  if (!dropped) return null;
  const query = kept.toString();
  return query ? `?${query}` : '';
}
