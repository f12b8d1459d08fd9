import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const apiDir = path.join(repoRoot, 'apps/api');
export const webDir = path.join(repoRoot, 'apps/web');
export const trainerDir = path.join(repoRoot, 'apps/trainer');

// Output of test runs and tools, not sources of the build.
const IGNORED = new Set(['node_modules', 'test', 'test-results', 'README.md', 'BENCHMARKS.md', 'bench', 'scripts']);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (IGNORED.has(entry.name) || entry.name.startsWith('.') || entry.name.endsWith('.tsbuildinfo')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** The dashboard needs a production build; rebuild when its sources are newer than the last build. */
export function webBuildIsCurrent(): boolean {
  const buildId = path.join(webDir, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return false;
  return fs.statSync(buildId).mtimeMs >= newestMtime(webDir);
}
