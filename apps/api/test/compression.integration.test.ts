import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { createDb, seedDemoUsers } from '@dermino/db';
import { createTestCase, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningApi } from '../src/app.js';
import { loginClinician, postRaw, startHttpApi } from './support/http-api.js';

// The web's case list page, first 50 (the shape of its CaseList operation), of this file's own cases (other files
// add cases to the shared database meanwhile).
const PAGE = `query Page($first: Int, $source: String!) { cases(first: $first, filter: { source: [$source] }) { totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id externalId site source createdAt patient { pseudonym skinType } images { id } } } } }`;

let api: RunningApi;
let source: string;
let auth: { authorization: string };

beforeAll(async () => {
  const db = createDb({ url: inject('databaseUrl') });
  await seedDemoUsers(db).catch(() => seedDemoUsers(db));
  source = uniqueName('compression');
  for (let i = 0; i < 50; i++) await createTestCase(db, { source, site: 'back' });
  await db.$disconnect();
  api = await startHttpApi();
  auth = { authorization: `Bearer ${await loginClinician(api)}` };
});

afterAll(async () => {
  await api?.close();
});

describe('compressed responses', () => {
  it('gzips a cases(first: 50) page for a client that accepts gzip, decoding to the same JSON', async () => {
    const page = { query: PAGE, variables: { first: 50, source } };
    const plain = await postRaw(api, page, auth);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const json = JSON.parse(plain.raw.toString('utf8'));
    expect(json.data.cases.edges).toHaveLength(50);

    const gzipped = await postRaw(api, page, { ...auth, 'accept-encoding': 'gzip, deflate' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.raw.length);
    expect(gzipped.raw.length).toBeLessThan(plain.raw.length / 3);
    expect(JSON.parse(zlib.gunzipSync(gzipped.raw).toString('utf8'))).toEqual(json);

    const brotli = await postRaw(api, page, { ...auth, 'accept-encoding': 'gzip, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    const decoded = await promisify(zlib.brotliDecompress)(brotli.raw);
    expect(JSON.parse(decoded.toString('utf8'))).toEqual(json);
  });

  it('leaves a small answer, or a client that accepts no encoding, uncompressed', async () => {
    const small = await postRaw(
      api,
      { query: '{ me { email } }' },
      { ...auth, 'accept-encoding': 'gzip, br' },
    );
    expect(small.raw.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.raw.toString('utf8')).data.me.email).toBe('clinician@dermino.local');

    const page = { query: PAGE, variables: { first: 50, source } };
    for (const acceptEncoding of [undefined, 'identity', 'gzip;q=0, br;q=0']) {
      const headers = acceptEncoding ? { ...auth, 'accept-encoding': acceptEncoding } : auth;
      const answer = await postRaw(api, page, headers);
      expect(answer.headers['content-encoding'], String(acceptEncoding)).toBeUndefined();
      expect(answer.raw.length).toBeGreaterThan(1024);
      expect(JSON.parse(answer.raw.toString('utf8')).data.cases.edges).toHaveLength(50);
    }
  });
});
