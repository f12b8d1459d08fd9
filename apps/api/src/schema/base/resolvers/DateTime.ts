import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    throw new GraphQLError(
      `DateTime must be an ISO-8601 string such as 2026-01-31T12:00:00Z; got ${JSON.stringify(value)}.`,
    );
  }
  return date;
}

export const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize(value) {
    const date = value instanceof Date ? value : parseDate(value);
    return date.toISOString();
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    return parseDate(ast.kind === Kind.STRING ? ast.value : undefined);
  },
});
