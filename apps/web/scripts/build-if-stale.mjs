// `npm test` needs a production build of the current sources. Under turbo the `build` task has just made one
// (apps/web/turbo.json), and the trainer's tests may be using it: building again would cost a minute and could
// rewrite .next under them. So build only when .next is missing or older than a source file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const webDir = path.resolve(import.meta.dirname, '..');
// Output of test runs and tools, not sources of the build.
const IGNORED = new Set(['node_modules', 'test', 'test-results', 'README.md', 'BENCHMARKS.md', 'bench', 'scripts']);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (IGNORED.has(entry.name) || entry.name.startsWith('.') || entry.name.endsWith('.tsbuildinfo')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const buildId = path.join(webDir, '.next', 'BUILD_ID');
if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs >= newestMtime(webDir)) {
  console.log('apps/web: the production build is current; not rebuilding.');
} else {
  const result = spawnSync('npx', ['next', 'build'], { cwd: webDir, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  process.exit(result.status ?? 1);
}
