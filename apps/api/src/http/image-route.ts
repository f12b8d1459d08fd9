import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  AppError,
  getImageStorage,
  IMAGE_VARIANT_FILES,
  IMAGE_VARIANTS,
  type ImageVariant,
} from '@dermino/db';
import { authenticateRequest } from '../auth/authenticate-request.js';
import type { ApiDeps } from '../context.js';

function isVariant(value: string): value is ImageVariant {
  return (IMAGE_VARIANTS as readonly string[]).includes(value);
}

/** GET /images/:imageId/:variant — same session as GraphQL; files live in <home>/images/<storageKey>/. */
export async function serveImage(
  deps: ApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  params: { imageId: string; variant: string },
): Promise<void> {
  const auth = await authenticateRequest(deps.db, {
    authorization: req.headers.authorization,
    secret: deps.config.sessionSecret,
  });
  if (!auth.user) {
    throw (
      auth.error ??
      new AppError('UNAUTHENTICATED', {
        message: 'Log in first: images need a session (Authorization: Bearer <token>).',
      })
    );
  }
  if (!isVariant(params.variant)) {
    throw new AppError('BAD_INPUT', {
      message: `Unknown image variant "${params.variant}"; use one of ${IMAGE_VARIANTS.join(', ')}.`,
    });
  }
  const image = await getImageStorage(deps.db, { imageId: params.imageId });
  const root = path.resolve(deps.config.home, 'images');
  const variant = IMAGE_VARIANT_FILES[params.variant];
  const file = path.resolve(root, image.storageKey, variant.file);
  // storageKey comes from the database, but a bad row must still not read outside the image store.
  if (!file.startsWith(root + path.sep)) {
    throw new AppError('NOT_FOUND', { message: `Image ${image.id} has an invalid storage key.` });
  }
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat?.isFile()) {
    throw new AppError('NOT_FOUND', {
      message: `The ${params.variant} file of image ${image.id} is missing from the image store.`,
    });
  }
  res.writeHead(200, {
    'content-type': variant.contentType,
    'content-length': stat.size,
    // Content-addressed, so it never changes; private because it needs a session.
    'cache-control': 'private, max-age=86400, immutable',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(fs.createReadStream(file), res);
}
