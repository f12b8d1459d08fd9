import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** One session-signing secret per data folder, created on first start, never in the repository. */
export function ensureSessionSecret(home: string): string {
  const file = path.join(home, 'session-secret');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start
  }
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
