import type { ServerResponse } from 'node:http';
import { isAppError } from '@dermino/db';
import { mapAppError } from '../errors/app-error-codes.js';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Non-GraphQL routes answer errors as `{ error: { code, message } }` with the matching status. */
export function sendError(res: ServerResponse, error: unknown, maskUnknown: boolean): void {
  if (isAppError(error)) {
    const mapped = mapAppError(error);
    sendJson(res, mapped.status, { error: { code: mapped.code, message: error.message } });
    return;
  }
  const message = maskUnknown ? 'Internal server error' : String((error as Error)?.stack ?? error);
  sendJson(res, 500, { error: { code: 'INTERNAL_SERVER_ERROR', message } });
}
