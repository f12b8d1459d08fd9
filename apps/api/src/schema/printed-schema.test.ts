import fs from 'node:fs';
import { buildSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printFullSchema } from '../../scripts/print-schema.js';

describe('apps/api/schema.graphql', () => {
  it('is the printed SDL of src/schema (run `npm run generate -w @dermino/api` after changing it)', () => {
    const committed = fs.readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    // Compared as schemas: the committed file is also formatted by biome.
    expect(printSchema(buildSchema(committed))).toBe(printSchema(buildSchema(printFullSchema())));
  });
});
