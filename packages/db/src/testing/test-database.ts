import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDatabase } from '../embedded/ensure-database.js';
import { migrateDatabase } from '../migrate.js';

export interface TestDatabase {
  url: string;
  home: string;
  close(): Promise<void>;
}

/** A fresh, migrated embedded Postgres in a temporary data folder, for one test run. */
export async function startTestDatabase(): Promise<TestDatabase> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-test-'));
  const handle = await ensureDatabase({ home });
  try {
    await migrateDatabase({ url: handle.url });
  } catch (error) {
    await handle.close();
    throw error;
  }
  return {
    url: handle.url,
    home,
    async close() {
      await handle.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
