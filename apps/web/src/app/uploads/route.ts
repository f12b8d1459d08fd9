import type { NextRequest } from 'next/server';
import { env } from '@/env';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie-name';

/** Well above the API's 20 MiB upload limit, so the API's own message answers anything between. */
const MAX_FORWARDED_BYTES = 32 * 1024 * 1024;

function errorResponse(status: number, code: string, message: string) {
  return Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * POST /uploads: forwards the multipart body unchanged (boundary and all) to the API's POST /uploads with the
 * session cookie's token, and hands back the API's answer: `{ upload }` or `{ error: { code, message } }`.
 * The API does every check (type sniffing, size, pixels); this route only refuses what it cannot forward.
 */
export async function POST(request: NextRequest) {
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (!token) return errorResponse(401, 'UNAUTHENTICATED', 'Sign in to upload images.');
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data')) {
    return errorResponse(
      400,
      'BAD_INPUT',
      'Send the image as multipart/form-data with a field named "file".',
    );
  }
  // The API refuses files over its own limit (20 MiB) with a clear message; a body far beyond that is not even
  // read into memory here.
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_FORWARDED_BYTES) {
    return errorResponse(413, 'BAD_INPUT', `The file is too large: uploads are limited to 20 MiB.`);
  }
  const body = new Uint8Array(await request.arrayBuffer());
  let upstream: Response;
  try {
    upstream = await fetch(`${env.DERMINO_API_URL}/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
      cache: 'no-store',
    });
  } catch {
    return errorResponse(502, 'API_UNREACHABLE', 'The DermINO API is unreachable; try again in a moment.');
  }
  const answer = await upstream.json().catch(() => null);
  if (!answer || typeof answer !== 'object') {
    return errorResponse(
      502,
      'API_BAD_RESPONSE',
      `The DermINO API answered HTTP ${upstream.status} without JSON.`,
    );
  }
  return Response.json(answer, { status: upstream.status, headers: { 'cache-control': 'no-store' } });
}
