import http from 'node:http';
import { DEMO_PASSWORD } from '@dermino/db';
import type {} from '@dermino/db/testing/global-setup';
import { inject } from 'vitest';
import { type RunningApi, startApi } from '../../src/app.js';
import type { ApiConfig } from '../../src/context.js';
import { createLogger } from '../../src/logger.js';
import { TEST_SECRET } from './test-api.js';

/** The real HTTP server on the run's database, on a free port. */
export function startHttpApi(config: Partial<ApiConfig> = {}): Promise<RunningApi> {
  return startApi({
    databaseUrl: inject('databaseUrl'),
    port: 0,
    host: '127.0.0.1',
    logger: createLogger({ level: 'silent', pretty: false }),
    config: {
      sessionSecret: TEST_SECRET,
      home: inject('databaseHome'),
      nodeEnv: 'production',
      version: '0.1.0',
      ...config,
    },
  });
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire (not decompressed). */
  raw: Buffer;
}

/** POST /graphql with exactly the headers given (fetch would add Accept-Encoding and decompress). */
export function postRaw(
  api: RunningApi,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${api.url}/graphql`,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            raw: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** POST /graphql and read the (uncompressed) JSON answer. */
export async function postJson(api: RunningApi, body: unknown, headers: Record<string, string> = {}) {
  const answer = await postRaw(api, body, headers);
  return { status: answer.status, body: JSON.parse(answer.raw.toString('utf8')) as any };
}

/** A session of the demo clinician, through the login mutation (sent as text). */
export async function loginClinician(api: RunningApi): Promise<string> {
  const login = await postJson(api, {
    query: 'mutation($input: LoginInput!) { login(input: $input) { token } }',
    variables: { input: { email: 'clinician@dermino.local', password: DEMO_PASSWORD } },
  });
  return login.body.data.login.token;
}
