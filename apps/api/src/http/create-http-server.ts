import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { ApiDeps, Context } from '../context.js';
import { serveGraphql } from './graphql-route.js';
import { serveImage } from './image-route.js';
import { serveOps } from './ops-routes.js';
import { applyOriginPolicy } from './origin-policy.js';
import { sendError, sendJson } from './send.js';
import { serveUpload } from './upload-route.js';

const IMAGE_PATH = /^\/images\/([^/]+)\/([^/]+)$/;

/**
 * The HTTP listener around a started Apollo server: /graphql, /healthz, /readyz, /metrics,
 * /images/:imageId/:variant and POST /uploads.
 */
export function createHttpServer(deps: ApiDeps, apollo: ApolloServer<Context>): http.Server {
  const maskUnknown = deps.config.nodeEnv !== 'development';
  return http.createServer(async (req, res) => {
    const requestId = randomUUID();
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const log = deps.logger.child({ requestId });
    try {
      if (applyOriginPolicy(deps.config.allowedOrigins ?? [], req, res)) return;
      if (pathname === '/graphql') return await serveGraphql(deps, apollo, req, res, requestId);
      if (req.method === 'GET' && (await serveOps(deps, pathname, res))) return;
      if (pathname === '/uploads' && req.method === 'POST') return await serveUpload(deps, req, res);
      const image = IMAGE_PATH.exec(pathname);
      if (image && (req.method === 'GET' || req.method === 'HEAD')) {
        return await serveImage(deps, req, res, { imageId: decodeURIComponent(image[1]), variant: image[2] });
      }
      sendJson(res, 404, { error: { code: 'NOT_FOUND', message: `No route ${req.method} ${pathname}.` } });
    } catch (error) {
      if (res.headersSent) {
        log.error({ err: error }, 'response failed after headers were sent');
        res.destroy();
        return;
      }
      if (!(error as { code?: string }).code) log.error({ err: error, pathname }, 'request failed');
      sendError(res, error, maskUnknown);
    }
  });
}
