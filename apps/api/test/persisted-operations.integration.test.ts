import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, seedDemoUsers } from '@dermino/db';
import { createTestCase } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningApi } from '../src/app.js';
import { readPersistedManifest, sha256Hex } from '../src/persisted/persisted-manifest.js';
import { loginClinician, postJson, startHttpApi } from './support/http-api.js';

// The manifest is a file as the web's codegen writes it: { "<sha256 hex>": "<operation text>" }.
const LISTED = 'query ListedCases($first: Int) { cases(first: $first) { totalCount } }';
const UNLISTED = 'query UnlistedMe { me { email } }';
const LISTED_HASH = sha256Hex(LISTED);
const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

let dir: string;
let open: RunningApi;
let only: RunningApi;
let auth: { authorization: string };

beforeAll(async () => {
  const db = createDb({ url: inject('databaseUrl') });
  await seedDemoUsers(db).catch(() => seedDemoUsers(db));
  await createTestCase(db);
  await db.$disconnect();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-persisted-'));
  const file = path.join(dir, 'persisted-documents.json');
  fs.writeFileSync(file, JSON.stringify({ [LISTED_HASH]: LISTED }));
  const manifest = readPersistedManifest(file);
  open = await startHttpApi({ persisted: { manifest, only: false } });
  only = await startHttpApi({ persisted: { manifest, only: true } });
  auth = { authorization: `Bearer ${await loginClinician(open)}` };
});

afterAll(async () => {
  await open?.close();
  await only?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('persisted operations', () => {
  it('answers a listed hash with no query text', async () => {
    const result = await postJson(open, { ...byHash(LISTED_HASH), variables: { first: 1 } }, auth);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.cases.totalCount).toBeGreaterThan(0);
  });

  it('answers an unknown hash with PersistedQueryNotFound, then remembers it once sent with its text', async () => {
    const hash = sha256Hex(UNLISTED);
    const unknown = await postJson(open, byHash(hash), auth);
    expect(unknown.body.errors.map((e: any) => e.extensions.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const registered = await postJson(open, { query: UNLISTED, ...byHash(hash) }, auth);
    expect(registered.body.data.me.email).toBe('clinician@dermino.local');
    const known = await postJson(open, byHash(hash), auth);
    expect(known.body.data.me.email).toBe('clinician@dermino.local');
  });

  it('refuses a hash that is not the sha256 of the text sent with it', async () => {
    const result = await postJson(open, { query: UNLISTED, ...byHash(LISTED_HASH) }, auth);
    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual([
      { message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } },
    ]);
    expect(result.body.data).toBeUndefined();
  });

  it('with API_PERSISTED_ONLY refuses an unlisted document in one line, and runs listed ones by text or hash', async () => {
    const refused = await postJson(only, { query: UNLISTED }, auth);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_LISTED');
    expect(refused.body.errors[0].message).toMatch(/^Operation UnlistedMe is not in this API's persisted/);
    expect(refused.body.errors[0].message).not.toContain('\n');
    expect(refused.body.data).toBeUndefined();

    const byText = await postJson(only, { query: LISTED, variables: { first: 1 } }, auth);
    expect(byText.body.data.cases.totalCount).toBeGreaterThan(0);
    const listed = await postJson(only, { ...byHash(LISTED_HASH), variables: { first: 1 } }, auth);
    expect(listed.body.data.cases.totalCount).toBe(byText.body.data.cases.totalCount);
  });

  it('with API_PERSISTED_ONLY does not let a client register an unlisted operation through APQ', async () => {
    const hash = sha256Hex(`${UNLISTED} # only`);
    const register = await postJson(only, { query: `${UNLISTED} # only`, ...byHash(hash) }, auth);
    expect(register.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_LISTED');
    const again = await postJson(only, byHash(hash), auth);
    expect(again.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
