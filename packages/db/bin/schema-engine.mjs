#!/usr/bin/env node
// Prisma's schema-engine protocol on top of @prisma/schema-engine-wasm, so the Prisma CLI needs no download.
// bin/prisma.mjs points PRISMA_SCHEMA_ENGINE_BINARY here. See src/schema-engine/README.md.
import { register } from 'tsx/esm/api';

register();
const { runSchemaEngine } = await import('../src/schema-engine/run-schema-engine.js');
const code = await runSchemaEngine(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
// Let stdout/stderr drain, then leave even if a pg pool still holds a socket.
await new Promise((resolve) => process.stdout.write('', resolve));
await new Promise((resolve) => process.stderr.write('', resolve));
process.exit(code);
