import { ApolloServer } from '@apollo/server';
import { requireSessionPlugin } from './auth/require-session-plugin.js';
import type { ApiDeps, Context } from './context.js';
import { createFormatError } from './errors/format-error.js';
import { loggingPlugin } from './logging-plugin.js';
import { resolvers } from './schema/resolvers.js';
import { loadTypeDefs } from './schema/type-defs.js';

/** The GraphQL server, not yet listening: main.ts serves it over HTTP, tests call executeOperation. */
export function createServer(deps: Pick<ApiDeps, 'config'>): ApolloServer<Context> {
  const development = deps.config.nodeEnv === 'development';
  return new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    // biome-ignore lint/suspicious/noExplicitAny: codegen's Resolvers type is stricter than Apollo's IResolvers
    resolvers: resolvers as any,
    formatError: createFormatError({ maskUnknown: !development }),
    includeStacktraceInErrorResponses: development,
    introspection: deps.config.nodeEnv !== 'production',
    plugins: [requireSessionPlugin(), loggingPlugin()],
  });
}
