import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { isAppError } from '@dermino/db';
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';

// Codes graphql-js and Apollo give a client's mistakes (a malformed or invalid operation, bad variables).
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * One line per operation. A client's mistake is logged at info, one line without a stack; only unexpected
 * errors (bugs, masked for the client) are logged at error level in full.
 */
export function loggingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            const code = error.extensions?.code;
            // Apollo wraps a validation error around graphql-js's own GraphQLError: both are the client's.
            const cause = original instanceof GraphQLError ? original.originalError : original;
            if (typeof code === 'string' && CLIENT_CODES.has(code)) {
              contextValue.logger.info({ code, message: error.message }, 'client error');
              continue;
            }
            // AppErrors are expected outcomes (bad input, no session); no cause is graphql-js's own error.
            if (!cause || isAppError(cause) || cause instanceof GraphQLError) continue;
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
