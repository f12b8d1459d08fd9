// Generated clients (Prisma, GraphQL) are not committed and `npm install` runs no scripts (.npmrc ignore-scripts),
// so the first `npx dermino ...` after an install generates them, offline, through the same turbo task that
// `npm start` and `npm test` run. Plain JavaScript: it runs before tsx and before anything imports @dermino/db.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** One output of each package's generate task. */
export const GENERATED_MARKERS = [
  'packages/db/generated/prisma/client.ts',
  'apps/api/src/generated/resolvers-types.ts',
  'apps/web/src/gql/index.ts',
];

export function missingGenerated() {
  return GENERATED_MARKERS.filter((marker) => !existsSync(path.join(root, marker)));
}

/** Runs `turbo run generate` when any marker is missing; exits with one line if that fails. */
export function ensureGenerated() {
  if (missingGenerated().length === 0) return;
  console.error('dermino: generating the database and GraphQL clients (once after an install) ...');
  const turbo = createRequire(import.meta.url).resolve('turbo/bin/turbo');
  const result = spawnSync(process.execPath, [turbo, 'run', 'generate', '--output-logs=errors-only'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
  });
  const missing = missingGenerated();
  if (result.status !== 0 || missing.length > 0) {
    console.error(
      `dermino: generating the clients failed (${missing.join(', ') || `exit ${result.status}`}); run \`npx turbo run generate\` in ${root} to see why`,
    );
    process.exit(1);
  }
}
