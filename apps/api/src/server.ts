import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { buildASTSchema } from 'graphql';
import { assertPermissionCoverage } from './auth/check-permission-coverage.js';
import { enforcePermissionsPlugin } from './auth/enforce-permissions-plugin.js';
import type { ApiDeps, Context } from './context.js';
import { createFormatError } from './errors/format-error.js';
import { operationLimitsPlugin } from './limits/operation-limits-plugin.js';
import { loggingPlugin } from './logging-plugin.js';
import { metricsPlugin } from './metrics/metrics-plugin.js';
import { persistedOnlyPlugin } from './persisted/persisted-only-plugin.js';
import { createPersistedQueryCache } from './persisted/persisted-query-cache.js';
import { resolvers } from './schema/resolvers.js';
import { loadTypeDefs } from './schema/type-defs.js';

/** The GraphQL server, not yet listening: main.ts serves it over HTTP, tests call executeOperation. */
export function createServer(deps: Pick<ApiDeps, 'config'>): ApolloServer<Context> {
  const development = deps.config.nodeEnv === 'development';
  const typeDefs = loadTypeDefs();
  // Fail closed: a field the permission map does not cover is a startup error, not an open door.
  assertPermissionCoverage(buildASTSchema(typeDefs));
  const persisted = deps.config.persisted ?? { manifest: new Map(), only: false };
  return new ApolloServer<Context>({
    typeDefs,
    // biome-ignore lint/suspicious/noExplicitAny: codegen's Resolvers type is stricter than Apollo's IResolvers
    resolvers: resolvers as any,
    formatError: createFormatError({ maskUnknown: !development }),
    includeStacktraceInErrorResponses: development,
    introspection: deps.config.nodeEnv !== 'production',
    // Apollo's default, stated: GET and simple POSTs need a preflighted header, so a page cannot forge them.
    csrfPrevention: true,
    // Bounds parsing and validation work (an alias bomb is quadratic to validate) before any limit below.
    parseOptions: { maxTokens: 4_000 },
    // APQ: the web's manifest answers by hash; other clients register their operations once (persisted/).
    persistedQueries: { cache: createPersistedQueryCache(persisted.manifest) },
    // Persisted-only, then permissions: a refused operation learns nothing about its size.
    // No cache hints are used (answers depend on the user); Apollo's default cache-control plugin would still wrap
    // every field resolver (a page of 50 cases has ~1,250 fields).
    plugins: [
      ...(persisted.only ? [persistedOnlyPlugin(persisted.manifest)] : []),
      ApolloServerPluginCacheControlDisabled(),
      enforcePermissionsPlugin(),
      operationLimitsPlugin(),
      loggingPlugin(),
      metricsPlugin(),
    ],
  });
}
