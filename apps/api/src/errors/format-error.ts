import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, isAppError, Prisma } from '@dermino/db';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { mapAppError } from './app-error-codes.js';

const MASKED_MESSAGE = 'Internal server error';

/** For errors raised outside resolvers (plugins), where Apollo does not go through formatError's unwrapping. */
export function toGraphQLError(error: unknown): GraphQLError {
  if (!isAppError(error)) return error instanceof GraphQLError ? error : new GraphQLError(String(error));
  const mapped = mapAppError(error);
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { ...error.details, code: mapped.code, http: { status: mapped.status } },
  });
}

const CONNECTION_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017']);

/** A lost database is not a bug: say so (503-like) instead of masking it as an internal error. */
function asDatabaseUnavailable(error: unknown): AppError | null {
  const lost =
    error instanceof Prisma.PrismaClientInitializationError ||
    (error instanceof Prisma.PrismaClientKnownRequestError && CONNECTION_CODES.has(error.code));
  return lost
    ? new AppError('DATABASE_UNAVAILABLE', { message: 'The database is unavailable; try again shortly.' })
    : null;
}

/**
 * AppErrors keep their message and get their code; errors Apollo or graphql-js made (validation,
 * bad variables) pass as they are; anything else is a bug and is masked outside development.
 */
export function createFormatError(options: { maskUnknown: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    const original = asDatabaseUnavailable(unwrapped) ?? unwrapped;
    if (isAppError(original)) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...original.details, code: mapAppError(original).code },
      };
    }
    const code = formatted.extensions?.code;
    const fromGraphQL = original instanceof GraphQLError && code !== 'INTERNAL_SERVER_ERROR';
    if (fromGraphQL || !options.maskUnknown) return formatted;
    // Apollo refuses some malformed requests (an APQ hash that is not its text's) with a 4xx and no code.
    const status =
      original instanceof GraphQLError && (original.extensions.http as { status?: number })?.status;
    if (status && status >= 400 && status < 500) {
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
    }
    return {
      message: MASKED_MESSAGE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
