import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { AppError, createUpload, recordAuditEvent } from '@dermino/db';
import { isIntakeError, storeImage } from '@dermino/ingest';
import { authenticateRequest } from '../auth/authenticate-request.js';
import { EVERYONE, isAllowed } from '../auth/permissions.js';
import type { ApiDeps } from '../context.js';
import { readUpload } from './read-upload.js';
import { sendJson } from './send.js';

/** Who may upload: whoever may predict (the permission map's rule for Query.predict). */
const UPLOAD_ACCESS = EVERYONE;
const MAX_PIXELS = 40_000_000;

/**
 * POST /uploads (multipart, field `file`): same session as GraphQL, rate limited per user, then the ingest
 * package's safe intake (content sniffing, pixel limit before decoding, metadata stripped) and an Upload row.
 * Plain HTTP rather than GraphQL multipart, which needs CSRF exceptions.
 */
export async function serveUpload(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const auth = await authenticateRequest(deps.db, {
    authorization: req.headers.authorization,
    secret: deps.config.sessionSecret,
  });
  if (!auth.user) {
    throw (
      auth.error ??
      new AppError('UNAUTHENTICATED', {
        message: 'Log in first: uploads need a session (Authorization: Bearer <token>).',
      })
    );
  }
  if (!isAllowed(UPLOAD_ACCESS, auth.user.role)) {
    throw new AppError('FORBIDDEN', { message: `Your role ${auth.user.role} may not upload images.` });
  }
  deps.services.uploadLimiter.take(auth.user.id);
  const file = await readUpload(req, deps.services.maxUploadBytes);
  let stored: Awaited<ReturnType<typeof storeImage>>;
  try {
    stored = await storeImage(file, { root: path.join(deps.config.home, 'images'), maxPixels: MAX_PIXELS });
  } catch (error) {
    if (!isIntakeError(error)) throw error;
    throw new AppError('BAD_INPUT', {
      message: `The file was refused: ${error.message}`,
      details: { argument: 'file', reason: error.reason },
    });
  }
  const upload = await createUpload(deps.db, {
    userId: auth.user.id,
    sha256: stored.sha256,
    storageKey: stored.storageKey,
    width: stored.width,
    height: stored.height,
    format: stored.format,
    bytes: file.length,
  });
  await recordAuditEvent(deps.db, {
    userId: auth.user.id,
    action: 'upload.create',
    entityType: 'Upload',
    entityId: upload.id,
  });
  sendJson(res, 201, {
    upload: {
      id: upload.id,
      width: upload.width,
      height: upload.height,
      format: upload.format,
      sha256: upload.sha256,
    },
  });
}
