// JSON-RPC 2.0 over stdio, one JSON object per line, requests handled in order: the protocol the Prisma CLI
// speaks to its schema-engine binary. Requests are answered by the wasm engine, with a few the wasm build lacks.
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createWasmEngine } from './create-wasm-engine.js';
import { createDatabase, getDatabaseVersion, listExtensions } from './database-commands.js';
import { toEngineError } from './engine-errors.js';
import {
  getPanicRegistry,
  loadSchemaEngineModule,
  type WasmSchemaEngine,
  wasmApi,
} from './load-wasm-engine.js';
import type { EngineDatasource } from './pg-adapter-factory.js';
import { createShadowExtensionFix } from './shadow-extension-fix.js';

interface RpcRequest {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: unknown;
}

export interface RpcServerOptions {
  datamodelPaths: string[];
  datasource: EngineDatasource;
  input: Readable;
  output: Writable;
  /** Log records for the CLI (stderr). */
  log: (line: string) => void;
}

/** User-facing engine errors use this JSON-RPC error code, as the native engine does. */
const userFacingErrorCode = 4466;

export async function serveJsonRpc(options: RpcServerOptions): Promise<void> {
  const { datasource, output } = options;
  let engine: Promise<WasmSchemaEngine> | undefined;
  let nextServerRequestId = 1;
  const pendingServerRequests = new Map<number, () => void>();
  const send = (message: object) => output.write(`${JSON.stringify(message)}\n`);
  const extensionFix = createShadowExtensionFix(call, () => listExtensions(datasource.url));
  const getEngine = () => {
    engine ??= createWasmEngine(options.datamodelPaths, datasource, options.log, {
      onShadowExtensions: extensionFix.onShadowExtensions,
    });
    // A failed start (database down) must not poison later requests.
    engine.catch(() => (engine = undefined));
    return engine;
  };

  /** The native engine prints `diff` output through the CLI: a `print` request the CLI answers. */
  const printThroughCli = (content: string) =>
    new Promise<void>((resolve) => {
      const id = nextServerRequestId++;
      pendingServerRequests.set(id, resolve);
      send({ jsonrpc: '2.0', id, method: 'print', params: { content } });
    });

  const dispatch = async (method: string, params: Record<string, unknown>): Promise<unknown> => {
    switch (method) {
      case 'version':
        return (await loadSchemaEngineModule()).version();
      case 'createDatabase':
        return createDatabase(datasource.url);
      case 'getDatabaseVersion':
        return getDatabaseVersion(datasource.url);
      case 'diff': {
        const result = (await extensionFix.call(await getEngine(), 'diff', params)) as {
          exitCode: number;
          stdout: string | null;
        };
        if (result.stdout) await printThroughCli(result.stdout);
        return { exitCode: result.exitCode, stdout: null };
      }
      default:
        return extensionFix.call(await getEngine(), method, params);
    }
  };

  const handle = async (request: RpcRequest) => {
    if (request.method === undefined) {
      // A response to one of our own requests (print).
      const done = pendingServerRequests.get(Number(request.id));
      pendingServerRequests.delete(Number(request.id));
      done?.();
      return;
    }
    try {
      const result = await dispatch(request.method, request.params ?? {});
      send({ jsonrpc: '2.0', id: request.id, result: result ?? {} });
    } catch (error) {
      send({ jsonrpc: '2.0', id: request.id, error: toRpcError(error, datasource.url) });
      if (isPanic(error)) engine = undefined;
    }
  };

  // Requests run one after another; responses to our print requests must not wait behind them.
  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: options.input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let request: RpcRequest;
    try {
      request = JSON.parse(line) as RpcRequest;
    } catch {
      send({
        jsonrpc: '2.0',
        id: null,
        error: { code: -32700, message: 'Parse error: each line must be one JSON object' },
      });
      continue;
    }
    if (request.method === undefined) void handle(request);
    else queue = queue.then(() => handle(request));
  }
  await queue;
  if (engine) (await engine.catch(() => undefined))?.free();
}

async function call(
  engine: WasmSchemaEngine,
  method: string,
  params: Record<string, unknown>,
): Promise<unknown> {
  const fn = engine[method];
  if (typeof fn !== 'function' || method.startsWith('_') || method === 'free') {
    throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
  }
  return (fn as (p: unknown) => Promise<unknown>).call(engine, params);
}

function isPanic(error: unknown): boolean {
  return error instanceof wasmApi().RuntimeError || getPanicRegistry().message !== '';
}

function toRpcError(error: unknown, url: string) {
  const rpcCode = (error as { rpcCode?: number }).rpcCode;
  if (rpcCode) return { code: rpcCode, message: (error as Error).message };
  if (isPanic(error)) {
    const registry = getPanicRegistry();
    const message = registry.message || String((error as Error).message ?? error);
    registry.set_message('');
    return { code: userFacingErrorCode, message, data: { is_panic: true, message, backtrace: null } };
  }
  const { errorCode, message } = toEngineError(error, url);
  const data: Record<string, unknown> = { is_panic: false, message, meta: null };
  if (errorCode) data.error_code = errorCode;
  return { code: userFacingErrorCode, message: 'An error happened. Check the data field for details.', data };
}
