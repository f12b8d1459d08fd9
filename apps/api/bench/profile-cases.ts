// Where a cases(first: 50) request spends its time, measured sequentially on a fresh embedded Postgres.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createDb,
  ensureDatabase,
  findCases,
  getUserById,
  isSessionRevoked,
  migrateDatabase,
  recordAuditEvents,
  seedConcepts,
} from '@dermino/db';
import { createTestCase, createTestUser } from '@dermino/db/testing';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-api-profile-'));
const database = await ensureDatabase({ home });
try {
  await migrateDatabase({ url: database.url });
  const db = createDb({ url: database.url });
  await seedConcepts(db);
  for (let i = 0; i < 120; i += 1) {
    await createTestCase(db, {
      source: 'p',
      images: [{}, {}],
      annotations: [{ concept: 'nv', image: 0 }, { concept: 'mel' }],
    });
  }
  const user = await createTestUser(db);
  const time = async (name: string, run: () => Promise<unknown>, times = 20) => {
    await run();
    const started = performance.now();
    for (let i = 0; i < times; i += 1) await run();
    console.log(name, ((performance.now() - started) / times).toFixed(1), 'ms');
  };
  await time('getUserById', () => getUserById(db, { id: user.id }));
  await time('isSessionRevoked', () => isSessionRevoked(db, { jti: 'x' }));
  await time('findCases(50)', () => findCases(db, { first: 50 }));
  await time('findCases(50, filter)', () => findCases(db, { first: 50, filter: { site: ['unknown'] } }));
  const page = await findCases(db, { first: 50 });
  await time('audit 50', () =>
    recordAuditEvents(
      db,
      page.cases.map((c) => ({ userId: user.id, action: 'case.list', entityType: 'Case', entityId: c.id })),
    ),
  );
  await time('audit 1', () =>
    recordAuditEvents(db, [
      {
        userId: user.id,
        action: 'case.list',
        entityType: 'Case',
        entityId: page.cases[0].id,
        details: { caseIds: page.cases.map((c) => c.id) },
      },
    ]),
  );
  await time('SELECT 1', () => db.$queryRaw`SELECT 1`);
  await db.$disconnect();
} finally {
  await database.close();
  fs.rmSync(home, { recursive: true, force: true });
}
