import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.js';

/** Counts and times every operation by name, and each error in an answer by its code. */
export function metricsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, response }) {
          const { metrics } = contextValue.services;
          metrics.observeOperation(operationName, (performance.now() - started) / 1000);
          // The formatted errors: their codes are the ones the client sees (formatError maps AppErrors).
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const error of errors ?? []) {
            const code = error.extensions?.code;
            metrics.countError(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
          }
        },
      };
    },
  };
}
