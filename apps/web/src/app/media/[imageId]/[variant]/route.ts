import type { NextRequest } from 'next/server';
import { env } from '@/env';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie-name';

const VARIANTS = new Set(['thumb', 'working', 'original']);
// Ids are opaque to the web app, but they are put in a URL path, so only URL-safe characters pass.
const IMAGE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const PASSED_HEADERS = ['content-type', 'content-length', 'etag', 'last-modified'];

function textResponse(status: number, message: string) {
  return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * Streams an image from the API with the session cookie's token, so the browser never talks to the API
 * and the token never reaches client JavaScript. Images are content-addressed (never change), but they are
 * patient data: the browser may keep them for an hour, shared caches may not.
 */
export async function GET(
  request: NextRequest,
  context: { params: Promise<{ imageId: string; variant: string }> },
) {
  const { imageId, variant } = await context.params;
  if (!VARIANTS.has(variant))
    return textResponse(404, `Unknown image variant "${variant}" (thumb, working, original).`);
  if (!IMAGE_ID.test(imageId)) return textResponse(404, 'Unknown image.');
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (!token) return textResponse(401, 'Sign in to view images.');
  let upstream: Response;
  try {
    upstream = await fetch(`${env.DERMINO_API_URL}/images/${encodeURIComponent(imageId)}/${variant}`, {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
      signal: request.signal,
    });
  } catch {
    return textResponse(502, 'The DermINO API is unreachable.');
  }
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    // 400 (a malformed id the API refused) is, to the browser, an image that does not exist.
    const status =
      upstream.status === 400 ? 404 : [401, 403, 404].includes(upstream.status) ? upstream.status : 502;
    return textResponse(status, status === 502 ? 'The image could not be loaded.' : 'Image not available.');
  }
  const headers = new Headers({ 'cache-control': 'private, max-age=3600', vary: 'Cookie' });
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  headers.set('x-content-type-options', 'nosniff');
  return new Response(upstream.body, { status: 200, headers });
}
