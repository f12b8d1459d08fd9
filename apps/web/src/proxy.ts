import { type NextRequest, NextResponse } from 'next/server';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie-name';
import { dropEmptyParams } from '@/lib/url/drop-empty-params';

/**
 * Optimistic check only: no cookie -> /login?next=<where you were going>. Whether the token is still valid is
 * decided by the API on the first query (see queryApi), so this never calls the network.
 * Also tidies the cases URL after a filter form submit (see dropEmptyParams).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const tidySearch = pathname === '/cases' ? dropEmptyParams(search) : null;
  if (tidySearch !== null) {
    const tidy = request.nextUrl.clone();
    tidy.search = tidySearch;
    return NextResponse.redirect(tidy);
  }
  if (request.cookies.get(SESSION_COOKIE)?.value) return NextResponse.next();
  const login = new URL('/login', request.url);
  const next = pathname + search;
  if (next !== '/') login.searchParams.set('next', next);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything except the login page, the session-clearing route, media and uploads (they answer 401 themselves;
  // a proxy would also cut an upload's body at 10 MB) and assets.
  matcher: ['/((?!login|healthz|readyz|auth/|media/|uploads|_next/|icon\\.svg|favicon\\.ico|robots\\.txt).*)'],
};
