import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAuditEvent } from '../src/audit.js';
import { restoreBackup, writeBackup } from '../src/backup/index.js';
import { createDb } from '../src/client.js';
import { embeddedUrl } from '../src/embedded/paths.js';
import { serveEmbeddedDatabase } from '../src/embedded/serve.js';
import { createJob } from '../src/jobs.js';
import { migrateDatabase } from '../src/migrate.js';
import { createTestCase, createTestUser } from '../src/testing/factories.js';

const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops) await stop();
});

async function freshHome() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-backup-'));
  const server = await serveEmbeddedDatabase({ home, port: 0 });
  const url = embeddedUrl(server.port);
  stops.push(async () => {
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  });
  await migrateDatabase({ url });
  return { home, url };
}

/** Per table: row count and a hash of its rows in a stable order. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
      )
    ).rows.map((row) => row.tablename as string);
    const result: Record<string, string> = {};
    for (const table of tables.sort()) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(j, E'\\n' ORDER BY j), '')) AS h
         FROM (SELECT row_to_json(t)::text AS j FROM "${table}" t) s`,
      );
      result[table] = `${rows[0].n}:${rows[0].h}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

function fileHashes(home: string, files: string[]) {
  return files.map((file) =>
    createHash('sha256')
      .update(fs.readFileSync(path.join(home, file)))
      .digest('hex'),
  );
}

const FILES = ['images/ab/c0ffee/thumb.webp', 'models/m1/model.onnx', 'session-secret'];
let source: { home: string; url: string };
let backupFile: string;

beforeAll(async () => {
  source = await freshHome();
  const db = createDb({ url: source.url });
  try {
    const user = await createTestUser(db, { role: 'ADMIN' });
    for (let i = 0; i < 3; i++) await createTestCase(db, { images: [{ storageKey: `ab/c0ffee-${i}` }, {}] });
    await createJob(db, { kind: 'QUALITY', payload: { note: 'ünïcode "quoted"', n: [1, 2.5, null] } });
    for (let i = 0; i < 5; i++)
      await recordAuditEvent(db, { userId: user.id, action: 'test', entityType: 'User', entityId: user.id });
  } finally {
    await db.$disconnect();
  }
  for (const [index, file] of FILES.entries()) {
    fs.mkdirSync(path.dirname(path.join(source.home, file)), { recursive: true });
    fs.writeFileSync(
      path.join(source.home, file),
      Buffer.from(`bytes of file ${index} \u0000\u00ff`.repeat(100 + index)),
    );
  }
  backupFile = path.join(source.home, 'backup.dermino');
});

describe('backup and restore', () => {
  it('restores into an empty data folder the same rows, table by table, and the same files', async () => {
    const summary = await writeBackup({ url: source.url, home: source.home, out: backupFile });
    expect(summary.files).toBe(FILES.length);
    expect(summary.rows.Case).toBe(3);
    expect(summary.rows.AuditEvent).toBe(5);
    const target = await freshHome();
    const restored = await restoreBackup({ file: backupFile, url: target.url, home: target.home });
    expect(restored.rows).toEqual(summary.rows);
    const [before, after] = [await fingerprint(source.url), await fingerprint(target.url)];
    expect(after).toEqual(before);
    expect(Object.values(after).filter((value) => !value.startsWith('0:')).length).toBeGreaterThanOrEqual(6);
    expect(fileHashes(target.home, FILES)).toEqual(fileHashes(source.home, FILES));
    // Sequences moved past the restored ids: the next audit event gets a new id.
    const db = createDb({ url: target.url });
    try {
      const user = await db.user.findFirstOrThrow();
      await recordAuditEvent(db, { userId: user.id, action: 'after', entityType: 'User', entityId: user.id });
      expect(await db.auditEvent.count()).toBe(6);
    } finally {
      await db.$disconnect();
    }
    // A second restore into the same, now full, database is refused.
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-backup-again-'));
    await expect(restoreBackup({ file: backupFile, url: target.url, home: again })).rejects.toThrow(
      /Table .* of the target database is not empty/,
    );
  });

  it('restores nothing from a truncated or foreign file, saying why', async () => {
    const lines = gunzipSync(fs.readFileSync(backupFile)).toString().trimEnd().split('\n');
    const truncated = path.join(source.home, 'truncated.dermino');
    fs.writeFileSync(truncated, gzipSync(`${lines.slice(0, -1).join('\n')}\n`));
    const target = await freshHome();
    await expect(restoreBackup({ file: truncated, url: target.url, home: target.home })).rejects.toThrow(
      `${truncated} is truncated (no end line): nothing was restored.`,
    );
    expect(Object.values(await fingerprint(target.url)).every((value) => value.startsWith('0:'))).toBe(true);
    const foreign = path.join(source.home, 'foreign.dermino');
    fs.writeFileSync(foreign, 'plain text');
    await expect(restoreBackup({ file: foreign, url: target.url, home: target.home })).rejects.toThrow(
      /cannot be read as a gzip'd backup/,
    );
  });
});
