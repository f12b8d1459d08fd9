import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '@dermino/db';
import { createTestUser } from '@dermino/db/testing';
import type {} from '@dermino/db/testing/global-setup';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningApi, startApi } from '../src/app.js';
import { signSessionToken } from '../src/auth/session-token.js';
import { createLogger } from '../src/logger.js';
import { TEST_SECRET } from './support/test-api.js';

let api: RunningApi;
let db: Db;
let home: string;
let token: string;
let userId: string;

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-api-hardening-'));
  db = createDb({ url: inject('databaseUrl') });
  const user = await createTestUser(db, { role: 'MANAGER' });
  userId = user.id;
  token = signSessionToken({ sub: user.id, role: user.role }, { secret: TEST_SECRET }).token;
  api = await startApi({
    databaseUrl: inject('databaseUrl'),
    port: 0,
    host: '127.0.0.1',
    logger: createLogger({ level: 'silent', pretty: false }),
    config: { sessionSecret: TEST_SECRET, home, nodeEnv: 'production', version: '0.1.0' },
  });
});
afterAll(async () => {
  await api?.close();
  await db?.$disconnect();
  fs.rmSync(home, { recursive: true, force: true });
});

const auth = () => ({ authorization: `Bearer ${token}` });

describe('hardening over HTTP (production settings)', () => {
  it('refuses a GET query without a preflight header (CSRF prevention)', async () => {
    const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: auth(),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it('refuses a form-encoded or text/plain POST (a simple request a foreign page can send)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': type, ...auth() },
        body: JSON.stringify({ query: 'mutation { logout }' }),
      });
      expect(response.status).toBe(400);
    }
    // The token was not revoked by the refused request.
    expect(await db.revokedSession.count({ where: { userId } })).toBe(0);
  });

  it('refuses a mutation over GET even with the preflight header', async () => {
    const url = `${api.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`;
    const response = await fetch(url, { headers: { ...auth(), 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(405);
    expect(await db.revokedSession.count({ where: { userId } })).toBe(0);
  });

  it('has introspection off in production', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    });
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0].message).toMatch(/introspection is not allowed/i);
  });

  it('refuses a body over 1 MiB and a body that is not JSON, with a clear message', async () => {
    const big = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(big.status).toBe(400);
    expect(((await big.json()) as any).error.message).toBe('The request body is larger than 1 MiB.');
    const garbage = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      body: '{"query": ',
    });
    expect(garbage.status).toBe(400);
    expect(((await garbage.json()) as any).error.message).toBe('The request body is not valid JSON.');
  });
});
