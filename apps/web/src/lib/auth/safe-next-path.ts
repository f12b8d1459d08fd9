/**
 * The `next` parameter of /login comes from the URL, so only same-origin paths are honoured
 * (no scheme, no protocol-relative `//host`, no backslash tricks); anything else falls back to /cases.
 */
export function safeNextPath(next: string | string[] | undefined | null, fallback = '/cases'): string {
  const candidate = Array.isArray(next) ? next[0] : next;
  if (!candidate || !candidate.startsWith('/')) return fallback;
  if (candidate.startsWith('//') || candidate.includes('\\')) return fallback;
  if (/[\u0000-\u001f]/.test(candidate)) return fallback;
  if (candidate === '/login' || candidate.startsWith('/login?') || candidate.startsWith('/auth/')) return fallback;
  return candidate;
}
