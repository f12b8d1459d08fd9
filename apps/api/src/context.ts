import { randomUUID } from 'node:crypto';
import type { AppError, Db, UserRecord } from '@dermino/db';
import { authenticateRequest } from './auth/authenticate-request.js';
import type { SessionClaims } from './auth/session-token.js';
import type { LabellingConfig } from './labelling/labelling-config.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { Logger } from './logger.js';
import type { PersistedManifest } from './persisted/persisted-manifest.js';
import type { ApiServices } from './services.js';

export interface ApiConfig {
  sessionSecret: string;
  /** Folder holding images/<storageKey>/<variant file>. */
  home: string;
  nodeEnv: 'development' | 'production' | 'test';
  version: string;
  /** Browser origins allowed to call the API directly (none by default; see http/origin-policy.ts). */
  allowedOrigins?: readonly string[];
  /** Labelling workbench settings over their defaults (labelling/labelling-config.ts). */
  labelling?: Partial<LabellingConfig>;
  /** The web app's operations by hash (none by default); `only` refuses every other operation. */
  persisted?: { manifest: PersistedManifest; only: boolean };
}

/** What createServer and the HTTP layer need; built once per process. */
export interface ApiDeps {
  db: Db;
  logger: Logger;
  config: ApiConfig;
  /** Per-process state shared by all requests: rate limiters, loaded model sessions. */
  services: ApiServices;
}

/** Per request: the signed-in user (or why there is none), a child logger, request-scoped loaders. */
export interface Context {
  db: Db;
  config: ApiConfig;
  user: UserRecord | null;
  /** The verified token of the request (for logout and refresh). */
  session: SessionClaims | null;
  services: ApiServices;
  authError: AppError | null;
  requestId: string;
  /** The peer address of the HTTP request (login throttling); null outside HTTP (tests' executeOperation). */
  clientAddress: string | null;
  logger: Logger;
  loaders: Loaders;
}

export async function createContext(
  deps: ApiDeps,
  request: { authorization?: string | null; requestId?: string; clientAddress?: string | null } = {},
): Promise<Context> {
  const auth = await authenticateRequest(deps.db, {
    authorization: request.authorization,
    secret: deps.config.sessionSecret,
  });
  const requestId = request.requestId ?? randomUUID();
  return {
    db: deps.db,
    config: deps.config,
    user: auth.user,
    session: auth.session,
    services: deps.services,
    authError: auth.error,
    requestId,
    clientAddress: request.clientAddress ?? null,
    logger: deps.logger.child({ requestId, userId: auth.user?.id ?? null }),
    loaders: createLoaders(deps.db),
  };
}

/** The signed-in user; resolvers run only after the auth plugin has checked there is one. */
export function requireUser(context: Context): UserRecord {
  if (!context.user)
    throw new Error('requireUser called on an unauthenticated request (auth plugin bypassed)');
  return context.user;
}
