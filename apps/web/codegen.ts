import type { CodegenConfig } from '@graphql-codegen/cli';

// The typed client: every `graphql(...)` document in src is checked against the API's printed schema and gets its
// result and variable types in src/gql. Documents stay plain strings (no AST in any bundle); the pages are server
// components, so the lookup table in gql.ts never reaches the browser.
// The output is committed (a fresh clone typechecks before `npm run generate`); src/gql-current.test.ts fails
// when it is stale.
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**', '!src/**/*.test.ts'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        onlyOperationTypes: true,
        skipTypename: true,
        // As the API serialises them: DateTime is an ISO string on the wire, JSON is whatever was stored.
        scalars: { DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
