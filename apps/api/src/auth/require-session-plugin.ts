import type { ApolloServerPlugin } from '@apollo/server';
import { AppError } from '@dermino/db';
import { type DocumentNode, Kind, type SelectionSetNode } from 'graphql';
import type { Context } from '../context.js';
import { toGraphQLError } from '../errors/format-error.js';

/** Root fields an anonymous request may ask for. */
const PUBLIC_ROOT_FIELDS = new Set(['login', '__typename', '__schema', '__type']);

function collectRootFields(
  selectionSet: SelectionSetNode,
  document: DocumentNode,
  into: Set<string>,
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) into.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      collectRootFields(selection.selectionSet, document, into);
    else {
      const fragment = document.definitions.find(
        (definition) =>
          definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION)
        collectRootFields(fragment.selectionSet, document, into);
    }
  }
  return into;
}

/**
 * Refuses the whole operation, before any resolver runs, when it asks for anything but `login`
 * without a valid session; one check instead of one per resolver, so none can be forgotten.
 */
export function requireSessionPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (contextValue.user || !operation) return;
          const fields = collectRootFields(operation.selectionSet, document, new Set());
          const needsSession = [...fields].filter((field) => !PUBLIC_ROOT_FIELDS.has(field));
          if (needsSession.length === 0) return;
          throw toGraphQLError(
            contextValue.authError ??
              new AppError('UNAUTHENTICATED', {
                message: `Log in first: ${needsSession.join(', ')} needs a session (Authorization: Bearer <token from login>).`,
              }),
          );
        },
      };
    },
  };
}
