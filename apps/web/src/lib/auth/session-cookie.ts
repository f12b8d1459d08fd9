import 'server-only';
import { cookies, headers } from 'next/headers';
import { SESSION_COOKIE } from './session-cookie-name';

export { SESSION_COOKIE };

export async function readSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value || undefined;
}

/** Secure only over https, so the cookie still works on http://localhost during a demo. */
async function isHttpsRequest(): Promise<boolean> {
  const requestHeaders = await headers();
  const forwarded = requestHeaders.get('x-forwarded-proto')?.split(',')[0]?.trim();
  if (forwarded) return forwarded === 'https';
  return requestHeaders.get('origin')?.startsWith('https://') ?? false;
}

/** Only callable from a server action or route handler (cookies cannot be set while rendering). */
export async function writeSessionCookie(token: string, expiresAt: Date): Promise<void> {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: await isHttpsRequest(),
    path: '/',
    maxAge,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
