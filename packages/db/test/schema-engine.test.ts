// The engine as the Prisma CLI sees it: a process with a command line, stdout, stderr and an exit code.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, type PgliteServer, startPgliteServer } from './support/pglite-server.js';

const engineBin = fileURLToPath(new URL('../bin/schema-engine.mjs', import.meta.url));
const schemaPath = fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url));

function runEngine(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [engineBin, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The CLI's reading of a failed one-shot command: drop the first stderr line, parse the rest as records. */
function parseLogRecords(stderr: string) {
  return stderr
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

interface RpcMessage {
  jsonrpc: string;
  id?: number;
  method?: string;
  params?: { content: string };
  result?: unknown;
  error?: unknown;
}

/** A JSON-RPC session with the engine: send a request, await the next message from it. */
function openRpc(url: string) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [
    engineBin,
    '--datamodels',
    schemaPath,
    '--datasource',
    JSON.stringify({ url }),
  ]);
  const messages: unknown[] = [];
  const waiters: ((message: unknown) => void)[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line);
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else messages.push(message);
  });
  return {
    send: (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`),
    next: () =>
      new Promise<RpcMessage>((resolve) => {
        if (messages.length > 0) resolve(messages.shift() as RpcMessage);
        else waiters.push(resolve as (message: unknown) => void);
      }),
    close: () =>
      new Promise<number | null>((resolve) => {
        child.once('close', resolve);
        child.stdin.end();
      }),
  };
}

let server: PgliteServer;
let deadUrl: string;

beforeAll(async () => {
  server = await startPgliteServer();
  deadUrl = `postgresql://postgres:postgres@127.0.0.1:${await findFreePort()}/postgres`;
});

afterAll(async () => {
  await server?.stop();
});

describe('schema-engine one-shot commands', () => {
  it('prints the engine version the installed prisma CLI expects', async () => {
    const { code, stdout } = await runEngine(['--version']);
    expect(code).toBe(0);
    const { enginesVersion } = await import('@prisma/engines-version');
    expect(stdout.trim()).toBe(`schema-engine-cli ${enginesVersion}`);
  });

  it('connects to a live server', async () => {
    const { code, stderr } = await runEngine([
      '--datasource',
      JSON.stringify({ url: server.url }),
      'cli',
      'can-connect-to-database',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('reports P1001 for a port nobody listens on, in the shape the CLI parses', async () => {
    const { code, stderr } = await runEngine([
      '--datasource',
      JSON.stringify({ url: deadUrl }),
      'cli',
      'can-connect-to-database',
    ]);
    expect(code).toBe(1);
    const [record] = parseLogRecords(stderr);
    expect(record).toMatchObject({
      level: 'ERROR',
      target: 'schema_engine::logger',
      fields: { error_code: 'P1001' },
    });
    expect(record.fields.message).toContain(
      `Can't reach database server at \`127.0.0.1:${new URL(deadUrl).port}\``,
    );
  });

  it('refuses a bad command line with a message naming the argument', async () => {
    const { code, stderr } = await runEngine(['--datasource', '{"url":1}', 'cli', 'can-connect-to-database']);
    expect(code).toBe(2);
    expect(stderr).toContain('--datasource JSON needs a "url" string');
  });
});

describe('schema-engine JSON-RPC', () => {
  it('answers in order, forwards diff output as a print request, and reports unknown methods', async () => {
    const rpc = openRpc(server.url);
    rpc.send({
      jsonrpc: '2.0',
      id: 1,
      method: 'ensureConnectionValidity',
      params: { datasource: { tag: 'ConnectionString', url: server.url } },
    });
    expect(await rpc.next()).toEqual({ jsonrpc: '2.0', id: 1, result: {} });

    const schema = {
      files: [{ path: schemaPath, content: (await import('node:fs')).readFileSync(schemaPath, 'utf8') }],
    };
    const filters = { externalTables: [], externalEnums: [] };
    rpc.send({
      jsonrpc: '2.0',
      id: 2,
      method: 'diff',
      params: {
        from: { tag: 'empty' },
        to: { tag: 'schemaDatamodel', ...schema },
        script: true,
        exitCode: true,
        filters,
      },
    });
    const print = await rpc.next();
    expect(print).toMatchObject({ jsonrpc: '2.0', method: 'print' });
    expect(print.params?.content).toContain('CREATE EXTENSION IF NOT EXISTS "vector";');
    expect(print.params?.content).toContain('CREATE TABLE "Image"');
    rpc.send({ jsonrpc: '2.0', id: print.id, result: {} });
    expect(await rpc.next()).toEqual({ jsonrpc: '2.0', id: 2, result: { exitCode: 2, stdout: null } });

    rpc.send({ jsonrpc: '2.0', id: 3, method: 'noSuchMethod', params: {} });
    expect(await rpc.next()).toMatchObject({ id: 3, error: { code: -32601 } });
    expect(await rpc.close()).toBe(0);
  });

  it('returns P1001 as an RPC error when the database is down, and keeps serving', async () => {
    const rpc = openRpc(deadUrl);
    rpc.send({ jsonrpc: '2.0', id: 1, method: 'applyMigrations', params: {} });
    expect(await rpc.next()).toMatchObject({
      id: 1,
      error: { data: { is_panic: false, error_code: 'P1001' } },
    });
    rpc.send({ jsonrpc: '2.0', id: 2, method: 'version' });
    expect(await rpc.next()).toMatchObject({ id: 2, result: expect.any(String) });
    expect(await rpc.close()).toBe(0);
  });
});
