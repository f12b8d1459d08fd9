import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, inject, it } from 'vitest';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const started: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, LOG_LEVEL: 'warn', DERMINO_SESSION_SECRET: 'x'.repeat(32), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

/** The process ids of `pid`'s children (Linux). */
function childrenOf(pid: number): number[] {
  const text = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return text ? text.split(' ').map(Number) : [];
}

async function untilAnswers(url: string, deadline: number): Promise<unknown> {
  for (;;) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      return await response.json();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('API_PROCESSES', () => {
  it('runs 2 processes sharing API_PORT that answer, and stops them all on SIGTERM', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-api-processes-'));
    const port = await freePort();
    const api = startMain({
      DATABASE_URL: inject('databaseUrl'),
      DERMINO_HOME: home,
      API_PORT: String(port),
      API_PROCESSES: '2',
    });
    const body = await untilAnswers(`http://127.0.0.1:${port}/graphql`, Date.now() + 90_000);
    expect(body).toEqual({ data: { __typename: 'Query' } });
    const workers = childrenOf(api.child.pid as number);
    expect(workers).toHaveLength(2);
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    for (const worker of workers) expect(fs.existsSync(`/proc/${worker}`)).toBe(false);
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('refuses more than 1 process on the embedded database with one line', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-api-processes-'));
    const port = await freePort();
    // The data folder's embedded server, as the launcher leaves it: alive (this process), on DATABASE_URL's port.
    fs.writeFileSync(
      path.join(home, 'db-server.json'),
      JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString() }),
    );
    const api = startMain({
      DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
      DERMINO_HOME: home,
      API_PORT: '0',
      API_PROCESSES: '2',
    });
    expect(await api.exited).toBe(1);
    expect(api.stderr().trim()).toBe(
      'The API cannot start: API_PROCESSES=2 needs an external PostgreSQL in DATABASE_URL: the embedded database serves one session (use API_PROCESSES=1)',
    );
    fs.rmSync(home, { recursive: true, force: true });
  });
});
