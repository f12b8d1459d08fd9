// The one-statement reference (reference-server.ts) in its own process for the benchmark (start-child.ts):
// `bench/reference-process.ts <databaseUrl>`.
import { createDb } from '@dermino/db';
import { serveParent } from './child-ipc.js';
import { startReferenceServer } from './reference-server.js';

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error('usage: reference-process.ts <databaseUrl>');
const db = createDb({ url: databaseUrl });
const reference = await startReferenceServer(db);
serveParent(reference.url, async () => {
  await reference.close();
  await db.$disconnect();
});
