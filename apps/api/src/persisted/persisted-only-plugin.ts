import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import type { PersistedManifest } from './persisted-manifest.js';

/**
 * API_PERSISTED_ONLY=1: only the manifest's operations run, whether sent by hash or as text (Apollo hashes the
 * text it got, or has checked a sent hash against it). Placed first, so a refused operation reaches no resolver,
 * no permission check and is never registered in the APQ store.
 */
export function persistedOnlyPlugin(manifest: PersistedManifest): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash, operationName }) {
          if (manifest.has(queryHash)) return;
          throw new GraphQLError(
            `Operation ${operationName ?? '(anonymous)'} is not in this API's persisted operations manifest (API_PERSISTED_ONLY=1 runs listed operations only).`,
            { extensions: { code: 'PERSISTED_QUERY_NOT_LISTED', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
