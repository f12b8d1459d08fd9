import { Writable } from 'node:stream';
import { createDb, createJob, DEMO_PASSWORD, seedDemoUsers } from '@dermino/db';
import type {} from '@dermino/db/testing/global-setup';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningApi, startApi } from '../src/app.js';
import { TEST_SECRET } from './support/test-api.js';

const lines: { level: number; msg: string; err?: unknown; code?: string }[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).trim().split('\n')) lines.push(JSON.parse(line));
    done();
  },
});
const config = { sessionSecret: TEST_SECRET, home: '.', nodeEnv: 'production' as const, version: '0.1.0' };
const db = createDb({ url: inject('databaseUrl') });
let api: RunningApi;

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return (await response.json()) as any;
}

beforeAll(async () => {
  await seedDemoUsers(db).catch(() => seedDemoUsers(db));
  const logger = pino({ level: 'info' }, sink);
  api = await startApi({ databaseUrl: inject('databaseUrl'), port: 0, host: '127.0.0.1', logger, config });
});

afterAll(async () => {
  await api?.close();
  await db.$disconnect();
});

describe('operations routes, without a session', () => {
  it('GET /healthz says the process is up; GET /readyz that the database answers and is migrated', async () => {
    const health = await fetch(`${api.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, version: '0.1.0' });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, database: 'ok', migrations: 'ok', version: '0.1.0' });
  });

  it('GET /readyz is 503 naming a migration this version does not know', async () => {
    const name = `29991231000000_from_a_newer_version_${Date.now()}`;
    await db.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
      VALUES (gen_random_uuid()::text, 'x', ${name}, now(), 1)`;
    try {
      const ready = await fetch(`${api.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { migrations: string }).migrations).toBe(
        `unknown to this version: ${name}`,
      );
    } finally {
      await db.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${name}`;
    }
  });

  it('an API whose database is down is live (healthz 200) but not ready (readyz 503, the reason given)', async () => {
    const down = await startApi({
      databaseUrl: 'postgresql://dermino:x@127.0.0.1:1/dermino',
      port: 0,
      host: '127.0.0.1',
      logger: pino({ level: 'silent' }),
      config,
    });
    try {
      expect((await fetch(`${down.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${down.url}/readyz`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { ok: boolean; database: string };
      expect(body.ok).toBe(false);
      expect(body.database).toMatch(/^unavailable: .*127\.0\.0\.1:1/);
    } finally {
      await down.close();
    }
  });

  it('GET /metrics counts operations by name, errors by code, and reports the pool and the job queue', async () => {
    const login = await post({
      query: 'mutation Login($input: LoginInput!) { login(input: $input) { token } }',
      variables: { input: { email: 'clinician@dermino.local', password: DEMO_PASSWORD } },
    });
    const auth = { authorization: `Bearer ${login.data.login.token}` };
    await post({ query: 'query Me { me { email } }' }, auth);
    await post({ query: 'query Me { me { email } }' }, auth);
    await post({ query: 'query Broken { me { noSuchField } }' }, auth);
    await createJob(db, { kind: 'QUALITY', payload: {} });
    const response = await fetch(`${api.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^dermino_graphql_requests_total\{operation="Me"\} 2$/m);
    expect(text).toMatch(/^dermino_graphql_request_duration_seconds_count\{operation="Login"\} 1$/m);
    expect(text).toMatch(/^dermino_graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} 1$/m);
    expect(text).toMatch(/^dermino_db_pool_connections\{state="max"\} 5$/m);
    expect(text).toMatch(/^dermino_jobs\{kind="QUALITY",status="QUEUED"\} [1-9]\d*$/m);
    for (const name of [
      'dermino_job_duration_seconds_sum',
      'dermino_prediction_duration_seconds',
      'dermino_model_load_duration_seconds',
    ])
      expect(text).toContain(`# TYPE ${name} `);
    expect(text).toMatch(/^dermino_api_process_cpu_seconds_total \d/m);
  });

  it("logs a client's invalid operation at info, one line without a stack, and nothing at error level", async () => {
    const before = lines.length;
    await post({ query: 'query Broken2 { nothingHere }' });
    await post({ query: '{ me { email ' });
    const logged = lines.slice(before);
    expect(logged.filter((line) => line.level >= 50)).toEqual([]);
    const clientErrors = logged.filter((line) => line.msg === 'client error');
    expect(clientErrors.map((line) => [line.level, line.code])).toEqual([
      [30, 'GRAPHQL_VALIDATION_FAILED'],
      [30, 'GRAPHQL_PARSE_FAILED'],
    ]);
    expect(clientErrors.every((line) => line.err === undefined)).toBe(true);
  });
});

describe('allowed origins', () => {
  it('refuses a browser origin that is not listed, and answers a listed one with CORS headers', async () => {
    const listed = await startApi({
      databaseUrl: inject('databaseUrl'),
      port: 0,
      host: '127.0.0.1',
      logger: pino({ level: 'silent' }),
      config: { ...config, allowedOrigins: ['https://dermino.example.org'] },
    });
    try {
      const query = JSON.stringify({ query: '{ me { email } }' });
      const headers = { 'content-type': 'application/json' };
      const foreign = await fetch(`${listed.url}/graphql`, {
        method: 'POST',
        headers: { ...headers, origin: 'https://evil.example' },
        body: query,
      });
      expect(foreign.status).toBe(403);
      expect(((await foreign.json()) as { error: { message: string } }).error.message).toBe(
        'Requests from the origin https://evil.example are not allowed (DERMINO_ALLOWED_ORIGINS lists the allowed ones).',
      );
      const preflight = await fetch(`${listed.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: 'https://dermino.example.org', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
      const allowed = await fetch(`${listed.url}/graphql`, {
        method: 'POST',
        headers: { ...headers, origin: 'https://dermino.example.org' },
        body: query,
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dermino.example.org');
      const same = await fetch(`${listed.url}/healthz`, { headers: { origin: listed.url } });
      expect(same.status).toBe(200);
      // No Origin (the dashboard's server, curl): not a browser request, served as before.
      expect((await fetch(`${listed.url}/healthz`)).status).toBe(200);
      // The default API allows no browser origin at all.
      const byDefault = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { ...headers, origin: 'https://dermino.example.org' },
        body: query,
      });
      expect(byDefault.status).toBe(403);
    } finally {
      await listed.close();
    }
  });
});
