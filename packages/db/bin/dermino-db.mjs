#!/usr/bin/env node
// The embedded database server process: `dermino-db serve --home <dir> [--port N]`.
// Started by ensureDatabase() (packages/db) or by hand; prints `ready <port>` once it accepts connections.
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

register();
const { serveEmbeddedDatabase } = await import('../src/embedded/serve.ts');

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { home: { type: 'string' }, port: { type: 'string' } },
});
if (positionals[0] !== 'serve') {
  console.error('usage: dermino-db serve --home <data folder> [--port <port, 0 = any free>]');
  process.exit(2);
}
const home = values.home ?? process.env.DERMINO_HOME ?? '.dermino';
const port = Number(values.port ?? process.env.DERMINO_DB_PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be an integer from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}

let server;
try {
  server = await serveEmbeddedDatabase({ home, port });
} catch (error) {
  console.error(error.message);
  process.exit(error.code === 'CONFLICT' ? 3 : 1);
}
console.log(`ready ${server.port}`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
// Started for a parent's lifetime: go when the parent goes, even if it was killed.
process.on('disconnect', shutdown);
// A parent that went while the database was starting left no channel to disconnect.
if (process.send && !process.connected) await shutdown();
