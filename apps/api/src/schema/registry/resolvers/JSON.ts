import { GraphQLScalarType } from 'graphql';

// Reports and payloads are stored JSON: passed through as they are; inputs are taken as parsed.
export const JSON = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: () => {
    throw new TypeError('JSON arguments must be passed as variables, not written into the query.');
  },
});
