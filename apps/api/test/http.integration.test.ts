import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, DEMO_PASSWORD, seedDemoUsers } from '@dermino/db';
import { createTestCase, uniqueName } from '@dermino/db/testing';
import type {} from '@dermino/db/testing/global-setup';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningApi, startApi } from '../src/app.js';
import { createLogger } from '../src/logger.js';
import { TEST_SECRET } from './support/test-api.js';

let api: RunningApi;
let home: string;
let token: string;
let storedImageId: string;
let missingFileImageId: string;
const thumbBytes = Buffer.from('RIFF....WEBPVP8 fake thumbnail bytes');

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-api-http-'));
  const db = createDb({ url: inject('databaseUrl') });
  await seedDemoUsers(db).catch(() => seedDemoUsers(db));
  const storageKey = `${uniqueName('ab')}/content-hash`;
  fs.mkdirSync(path.join(home, 'images', storageKey), { recursive: true });
  fs.writeFileSync(path.join(home, 'images', storageKey, 'thumb.webp'), thumbBytes);
  const created = await createTestCase(db, {
    images: [{ storageKey }, { storageKey: uniqueName('nowhere') }],
  });
  [storedImageId, missingFileImageId] = created.images.map((image) => image.id);
  await db.$disconnect();

  api = await startApi({
    databaseUrl: inject('databaseUrl'),
    port: 0,
    host: '127.0.0.1',
    logger: createLogger({ level: 'silent', pretty: false }),
    config: { sessionSecret: TEST_SECRET, home, nodeEnv: 'production', version: '0.1.0' },
  });
  const login = await post({
    query: 'mutation($input: LoginInput!) { login(input: $input) { token } }',
    variables: { input: { email: 'clinician@dermino.local', password: DEMO_PASSWORD } },
  });
  token = login.body.data.login.token;
});

afterAll(async () => {
  await api?.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('over HTTP', () => {
  it('answers GET /healthz without a session', async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, version: '0.1.0' });
  });

  it('serves GraphQL to a logged-in client', async () => {
    const result = await post(
      { query: '{ me { email role } cases(first: 1) { totalCount } }' },
      { authorization: `Bearer ${token}` },
    );
    expect(result.status).toBe(200);
    expect(result.body.data.me).toEqual({ email: 'clinician@dermino.local', role: 'CLINICIAN' });
    expect(result.body.data.cases.totalCount).toBeGreaterThan(0);
  });

  it('refuses GraphQL without a session with 401 UNAUTHENTICATED', async () => {
    const result = await post({ query: '{ cases { totalCount } }' });
    expect(result.status).toBe(401);
    expect(result.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(result.body.data).toBeUndefined();
  });

  it('serves a stored image variant with the session, and only with it', async () => {
    const url = `${api.url}/images/${storedImageId}/thumb`;
    const ok = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/webp');
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(thumbBytes);

    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).error.code).toBe('UNAUTHENTICATED');
  });

  it('explains a bad variant (400), an unknown image and a missing file (404)', async () => {
    const headers = { authorization: `Bearer ${token}` };
    const badVariant = await fetch(`${api.url}/images/${storedImageId}/huge`, { headers });
    expect(badVariant.status).toBe(400);
    expect(((await badVariant.json()) as any).error.message).toBe(
      'Unknown image variant "huge"; use one of thumb, working, original.',
    );
    const unknown = await fetch(`${api.url}/images/${uniqueName('nope')}/thumb`, { headers });
    expect(unknown.status).toBe(404);
    const missing = await fetch(`${api.url}/images/${missingFileImageId}/working`, { headers });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error.message).toMatch(/working file of image .* is missing/);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(response.status).toBe(400);
  });
});
