import { type NextRequest, NextResponse } from 'next/server';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie-name';

// Pages cannot delete cookies while rendering, so a rejected session is sent here to be cleared; otherwise the
// stale cookie would keep the proxy letting the browser through to pages that then bounce again.
export function GET(request: NextRequest) {
  const response = NextResponse.redirect(new URL('/login?reason=expired', request.url));
  response.cookies.delete(SESSION_COOKIE);
  return response;
}
