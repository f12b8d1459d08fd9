import type { ApolloServerPlugin } from '@apollo/server';
import { AppError } from '@dermino/db';
import type { Context } from '../context.js';
import { toGraphQLError } from '../errors/format-error.js';
import { measureOperation } from './measure-operation.js';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

// cases(first: 100) { edges { node { images {...} annotations { concept {...} } } } } costs ~2,000.
export const DEFAULT_LIMITS: OperationLimits = { maxDepth: 10, maxAliases: 20, maxCost: 5_000 };

/** Refuses depth bombs, alias bombs and queries too expensive to answer, before any resolver runs. */
export function operationLimitsPlugin(limits: OperationLimits = DEFAULT_LIMITS): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return;
          const size = measureOperation(schema, document, operation, request.variables ?? {});
          const refuse = (limit: keyof OperationSize, message: string) => {
            throw toGraphQLError(new AppError('BAD_INPUT', { message, details: { limit } }));
          };
          if (size.depth > limits.maxDepth) {
            refuse(
              'depth',
              `The query is nested ${size.depth} levels deep; the limit is ${limits.maxDepth}.`,
            );
          }
          if (size.aliases > limits.maxAliases) {
            refuse('aliases', `The query uses ${size.aliases} aliases; the limit is ${limits.maxAliases}.`);
          }
          if (size.cost > limits.maxCost) {
            refuse(
              'cost',
              `The query could resolve ${size.cost} fields; the limit is ${limits.maxCost}. Ask for smaller pages or fewer fields.`,
            );
          }
        },
      };
    },
  };
}

type OperationSize = ReturnType<typeof measureOperation>;
