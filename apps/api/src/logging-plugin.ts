import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { isAppError } from '@dermino/db';
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';

/** One line per operation; unexpected errors in full (they are masked for the client). */
export function loggingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            // Validation errors have no cause; AppErrors are expected outcomes (bad input, no session).
            const cause = original instanceof GraphQLError ? original.originalError : original;
            if (!cause || isAppError(cause)) continue;
            contextValue.logger.error({ err: cause, path: error.path }, 'unexpected error');
          }
        },
        async willSendResponse({ operationName, errors }) {
          const ms = Math.round(performance.now() - started);
          contextValue.logger.info({ operationName, ms, errors: errors?.length ?? 0 }, 'graphql');
        },
      };
    },
  };
}
