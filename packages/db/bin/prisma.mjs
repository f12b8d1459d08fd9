#!/usr/bin/env node
// Runs the installed Prisma CLI offline: with the project's schema engine (bin/schema-engine.mjs, on the wasm
// build of Prisma's engine) instead of a downloaded binary, and with the repo's prisma.config.ts.
// Works from any folder: `node packages/db/bin/prisma.mjs migrate deploy`. See src/schema-engine/README.md.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const prismaCli = require.resolve('prisma/build/index.js');
const engineBin = fileURLToPath(new URL('./schema-engine.mjs', import.meta.url));
const configFile = fileURLToPath(new URL('../../../prisma.config.ts', import.meta.url));

const args = process.argv.slice(2);
// Commands that reach the database (the wasm engine connects as it starts, even for `migrate diff`).
const needsDatabase =
  ['migrate', 'db', 'studio'].includes(args[0]) && !args.includes('--help') && !args.includes('-h');

if (needsDatabase && !process.env.DATABASE_URL) {
  process.stderr.write(
    `prisma ${args[0]} ${args[1] ?? ''}: DATABASE_URL is not set.\n` +
      'Set it to a PostgreSQL >= 15 server with pgvector, for example\n' +
      '  DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:5432/dermino node packages/db/bin/prisma.mjs migrate deploy\n' +
      'Commands that need a shadow database (migrate dev/diff --from-migrations/reset on PGlite) also need\n' +
      'SHADOW_DATABASE_URL pointing at a second, disposable server.\n',
  );
  process.exit(1);
}

// Every Prisma command accepts --config; a caller's own --config wins.
const hasConfig = args.some((arg) => arg === '--config' || arg.startsWith('--config='));
const cliArgs =
  hasConfig || args.length === 0 || ['-v', '--version', 'version', 'help', '-h', '--help'].includes(args[0])
    ? args
    : [...args, '--config', configFile];

const result = spawnSync(process.execPath, [prismaCli, ...cliArgs], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || engineBin,
    // No update check or telemetry: they would wait on the network.
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
if (result.error) {
  process.stderr.write(`prisma.mjs: cannot run the Prisma CLI: ${result.error.message}\n`);
  process.exit(1);
}
process.exit(result.status ?? 1);
