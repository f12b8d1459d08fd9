import type { ApolloServerPlugin } from '@apollo/server';
import { AppError } from '@dermino/db';
import type { Context } from '../context.js';
import { toGraphQLError } from '../errors/format-error.js';
import { collectOperationFields } from './collect-operation-fields.js';
import { accessOf, isAllowed } from './permissions.js';

/**
 * The one place roles are enforced: every field of the operation, at every depth, is checked against the
 * permission map before any resolver runs, so a refused operation has no partial effect. Without a session
 * the answer is UNAUTHENTICATED (log in), with one FORBIDDEN naming the fields and the roles that may.
 */
export function enforcePermissionsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue, schema }) {
          if (!operation) return;
          const role = contextValue.user?.role ?? null;
          const fields = collectOperationFields(schema, document, operation, {
            isPublicSubtree: ({ typeName, fieldName }) => accessOf(typeName, fieldName) === 'public',
          });
          const refused = fields.flatMap(({ typeName, fieldName }) => {
            const access = accessOf(typeName, fieldName);
            // A field missing from the map is refused (createServer also refuses to start with gaps).
            return access && isAllowed(access, role) ? [] : [{ name: `${typeName}.${fieldName}`, access }];
          });
          if (refused.length === 0) return;
          if (!contextValue.user) {
            const rootFields = refused.filter(
              (f) =>
                f.name.startsWith(`${schema.getQueryType()?.name}.`) ||
                f.name.startsWith(`${schema.getMutationType()?.name}.`),
            );
            const names = (rootFields.length ? rootFields : refused).map((f) => f.name.split('.')[1]);
            throw toGraphQLError(
              contextValue.authError ??
                new AppError('UNAUTHENTICATED', {
                  message: `Log in first: ${[...new Set(names)].join(', ')} needs a session (Authorization: Bearer <token from login>).`,
                }),
            );
          }
          const described = refused.map(({ name, access }) =>
            Array.isArray(access) ? `${name} (${access.join(', ')})` : name,
          );
          throw toGraphQLError(
            new AppError('FORBIDDEN', {
              message: `Your role ${role} may not use ${described.join('; ')}.`,
              details: { fields: refused.map((f) => f.name) },
            }),
          );
        },
      };
    },
  };
}
