/**
 * The `next` parameter of /login comes from the URL, so only same-origin paths are honoured
 * (no scheme, no protocol-relative `//host`, no backslash tricks); anything else falls back to / (which sends each
 * role to its home page: managers to /overview, the others to /cases).
 */
export function safeNextPath(next: string | string[] | undefined | null, fallback = '/'): string {
  const candidate = Array.isArray(next) ? next[0] : next;
  if (!candidate?.startsWith('/')) return fallback;
  if (candidate.startsWith('//') || candidate.includes('\\')) return fallback;
  // Control characters (a CR/LF could split the Location header).
  if ([...candidate].some((char) => char.charCodeAt(0) < 0x20)) return fallback;
  if (candidate === '/login' || candidate.startsWith('/login?') || candidate.startsWith('/auth/'))
    return fallback;
  return candidate;
}
