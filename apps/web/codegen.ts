import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';

// The typed client: every `graphql(...)` document in src is checked against the API's printed schema and gets its
// result and variable types in src/gql. Documents stay plain strings (no AST in any bundle); the pages are server
// components, so the lookup table in gql.ts never reaches the browser.
// Persisted operations: each operation's `__meta__.hash` is the sha256 (hex, as Apollo's APQ expects) of its
// normalised text, and src/gql/persisted-documents.json maps hash -> that text; the web sends only the hash, and
// the API reads the same file (API_PERSISTED_MANIFEST) to answer it and, if told, to refuse anything else.
// The output is committed (a fresh clone typechecks before `npm run generate`); src/gql-current.test.ts fails
// when it is stale.
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**', '!src/**/*.test.ts'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: {
          hashAlgorithm: (text: string) => createHash('sha256').update(text).digest('hex'),
        },
      },
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
