import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './send.js';

/**
 * Which browser origins may call the API directly (DERMINO_ALLOWED_ORIGINS). The dashboard calls it from its server,
 * which sends no Origin, so by default no other browser origin is allowed: a request with another Origin is refused with
 * 403 before any route runs. An allowed origin gets CORS headers (and its preflight a 204).
 * Returns true when the request has been answered.
 */
export function applyOriginPolicy(
  allowed: readonly string[],
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  // A page the API serves itself (Apollo's landing page in development) is same-origin.
  const sameOrigin = origin === `http://${req.headers.host}` || origin === `https://${req.headers.host}`;
  if (sameOrigin) return false;
  if (!allowed.includes(origin)) {
    sendJson(res, 403, {
      error: {
        code: 'FORBIDDEN',
        message: `Requests from the origin ${origin} are not allowed (DERMINO_ALLOWED_ORIGINS lists the allowed ones).`,
      },
    });
    return true;
  }
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'Origin');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'authorization, content-type, apollo-require-preflight',
      'access-control-max-age': '600',
    });
    res.end();
    return true;
  }
  return false;
}
