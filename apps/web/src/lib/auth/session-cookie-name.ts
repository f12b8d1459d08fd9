// Kept apart from session-cookie.ts (server-only, next/headers) so the proxy can import it too.
export const SESSION_COOKIE = 'dermino_session';
