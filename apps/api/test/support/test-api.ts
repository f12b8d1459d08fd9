import { createDb, type Db, seedConcepts, seedDemoUsers } from '@dermino/db';
// Brings the types of inject('databaseUrl') / inject('databaseHome').
import type {} from '@dermino/db/testing/global-setup';
import type { GraphQLFormattedError } from 'graphql';
import { inject } from 'vitest';
import { signSessionToken } from '../../src/auth/session-token.js';
import { type ApiDeps, createContext } from '../../src/context.js';
import { createLogger } from '../../src/logger.js';
import { createServer } from '../../src/server.js';
import { createApiServices, type ServiceOptions } from '../../src/services.js';

export const TEST_SECRET = 'test-session-secret-0123456789abcdef';

export interface GraphqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

/** Concepts and demo users are shared by all test files; seeding races between workers, so retry. */
async function seedShared(db: Db): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await seedConcepts(db);
      await seedDemoUsers(db);
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** The real Apollo server on the run's embedded Postgres, called with executeOperation. */
export async function createTestApi(
  options: {
    nodeEnv?: 'development' | 'production' | 'test';
    home?: string;
    services?: ServiceOptions;
    /** A database of the test's own (default: the run's shared one). */
    databaseUrl?: string;
  } = {},
) {
  const databaseUrl = options.databaseUrl ?? inject('databaseUrl');
  const db = createDb({ url: databaseUrl });
  await seedShared(db);
  const deps: ApiDeps = {
    db,
    logger: createLogger({ level: 'silent', pretty: false }),
    config: {
      sessionSecret: TEST_SECRET,
      home: options.home ?? inject('databaseHome'),
      nodeEnv: options.nodeEnv ?? 'test',
      version: 'test',
    },
    services: createApiServices(db, {
      databaseUrl,
      home: options.home ?? inject('databaseHome'),
      ...options.services,
    }),
  };
  const server = createServer(deps);
  await server.start();

  async function execute<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    auth: { token?: string; authorization?: string } = {},
  ): Promise<GraphqlResult<T>> {
    const authorization = auth.authorization ?? (auth.token ? `Bearer ${auth.token}` : undefined);
    const response = await server.executeOperation(
      { query, variables },
      { contextValue: await createContext(deps, { authorization }) },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as GraphqlResult<T>;
  }

  /** A session for an existing user without going through login (login has its own tests). */
  function tokenFor(user: { id: string; role: 'ADMIN' | 'MANAGER' | 'DATA' | 'CLINICIAN' }): string {
    return signSessionToken({ sub: user.id, role: user.role }, { secret: TEST_SECRET }).token;
  }

  return {
    db,
    deps,
    server,
    execute,
    tokenFor,
    async close() {
      await server.stop();
      await deps.services.close();
      await db.$disconnect();
    },
  };
}

export type TestApi = Awaited<ReturnType<typeof createTestApi>>;

/** The codes of a result's errors, for assertions that read like the client's checks. */
export function errorCodes(result: GraphqlResult): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}
