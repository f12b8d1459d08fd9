import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkApiReadiness } from './api-readiness';

let server: http.Server;
let url: string;
let answer: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url !== '/readyz') return res.writeHead(404).end();
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('checkApiReadiness', () => {
  it('is ready when the API is', async () => {
    answer = { status: 200, body: { ok: true, database: 'ok', migrations: 'ok' } };
    expect(await checkApiReadiness(url)).toEqual({ status: 200, body: { ok: true, api: 'ok' } });
  });

  it("is not ready when the API is not, saying the API's reason", async () => {
    answer = { status: 503, body: { ok: false, database: 'ok', migrations: 'pending: 20991231_x' } };
    expect(await checkApiReadiness(url)).toEqual({
      status: 503,
      body: { ok: false, api: 'not ready (503): pending: 20991231_x' },
    });
  });

  it('is not ready when the API cannot be reached', async () => {
    // A port that was free a moment ago (fetch refuses "unsafe" ports such as 1 before connecting).
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closed = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise((resolve) => probe.close(resolve));
    const result = await checkApiReadiness(closed);
    expect(result).toEqual({
      status: 503,
      body: { ok: false, api: `unreachable at ${closed}: ECONNREFUSED` },
    });
  });
});
