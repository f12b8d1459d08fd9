import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen';

// src/gql is committed so a fresh clone typechecks; this fails when a document or the API schema changed
// without `npm run codegen` (run it, commit src/gql).
const webRoot = path.resolve(import.meta.dirname, '..');

describe('the committed typed client (src/gql)', () => {
  it('is what codegen makes from the current documents and apps/api/schema.graphql', async () => {
    const outputs: { filename: string; content: string }[] = await generate(
      { ...config, cwd: webRoot, silent: true },
      false,
    );
    const generated = new Map(outputs.map((file) => [path.normalize(file.filename), file.content]));
    const committed = readdirSync(path.join(webRoot, 'src/gql')).map((name) => path.join('src/gql', name));
    const stale = [...new Set([...generated.keys(), ...committed])]
      .filter((file) => readCommitted(file) !== generated.get(file))
      .sort();
    expect(stale, 'stale files in src/gql: run `npm run codegen` in apps/web').toEqual([]);
  }, 60_000);
});

function readCommitted(file: string): string | undefined {
  try {
    return readFileSync(path.join(webRoot, file), 'utf8');
  } catch {
    return undefined;
  }
}
