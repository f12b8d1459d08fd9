import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../env.js';
import { readPersistedManifest, sha256Hex } from './persisted-manifest.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-manifest-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeManifest(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('readPersistedManifest', () => {
  it('reads the web app manifest at the default API_PERSISTED_MANIFEST, every hash its text', () => {
    const env = parseEnv({ DATABASE_URL: 'postgresql://x@y/z', DERMINO_SESSION_SECRET: 'x'.repeat(32) });
    if (!env.ok) throw new Error(env.problems.join('; '));
    expect(env.env.API_PERSISTED_ONLY).toBe(false);
    const manifest = readPersistedManifest(env.env.API_PERSISTED_MANIFEST);
    expect([...manifest.values()].some((text) => text.startsWith('query CaseList('))).toBe(true);
  });

  it('refuses an entry whose hash is not the sha256 of its text, naming it', () => {
    const file = writeManifest(
      'edited.json',
      JSON.stringify({ [sha256Hex('query A { me { id } }')]: 'query B { me { id } }' }),
    );
    expect(() => readPersistedManifest(file)).toThrow(
      `The persisted operations manifest ${file}: entry ${sha256Hex('query A { me { id } }')} is not the sha256 of its operation`,
    );
  });

  it('refuses a file that is not a JSON object, in one line', () => {
    expect(() => readPersistedManifest(writeManifest('list.json', '[]'))).toThrow(/must be a JSON object/);
    expect(() => readPersistedManifest(path.join(dir, 'missing.json'))).toThrow(/cannot be read: ENOENT/);
  });

  it('API_PERSISTED_ONLY takes 1 or 0 and nothing else', () => {
    const base = { DATABASE_URL: 'postgresql://x@y/z', DERMINO_SESSION_SECRET: 'x'.repeat(32) };
    const on = parseEnv({ ...base, API_PERSISTED_ONLY: '1' });
    expect(on.ok && on.env.API_PERSISTED_ONLY).toBe(true);
    const wrong = parseEnv({ ...base, API_PERSISTED_ONLY: 'yes' });
    expect(wrong.ok ? [] : wrong.problems).toEqual([
      'API_PERSISTED_ONLY must be 1 (only the manifest operations) or 0 (any operation)',
    ]);
  });
});
