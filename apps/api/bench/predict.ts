// predict on the tiny and vit-s16 presets (random weights: speed does not depend on them): images/s and p99
// under 8 concurrent clients, through the real API (upload once, then predict on it); appended to BENCHMARKS.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, ensureDatabase, migrateDatabase, promoteModelVersion, seedConcepts } from '@dermino/db';
import { createTestUser } from '@dermino/db/testing';
import autocannon from 'autocannon';
import { startApi } from '../src/app.js';
import { signSessionToken } from '../src/auth/session-token.js';
import { createLogger } from '../src/logger.js';
import { createTestPng, registerTinyServedModel } from '../test/support/served-model.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-api-bench-predict-'));
const database = await ensureDatabase({ home });
const rows: string[] = [];
try {
  await migrateDatabase({ url: database.url });
  const db = createDb({ url: database.url });
  await seedConcepts(db);
  const user = await createTestUser(db, { role: 'CLINICIAN' });
  const secret = 'bench-session-secret-0123456789abcdef';
  const token = signSessionToken({ sub: user.id, role: user.role }, { secret }).token;
  const api = await startApi({
    databaseUrl: database.url,
    port: 0,
    host: '127.0.0.1',
    logger: createLogger({ level: 'silent', pretty: false }),
    config: { sessionSecret: secret, home, nodeEnv: 'production', version: 'bench' },
    // Lifted for the run: the limit is tested elsewhere, here the model's speed is measured.
    services: { predictLimit: { max: 1_000_000, windowMs: 60_000 } },
  });
  const form = new FormData();
  form.append('file', new Blob([await createTestPng(1, 600, 450)], { type: 'image/png' }), 'lesion.png');
  const uploaded = await fetch(`${api.url}/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const uploadId = ((await uploaded.json()) as { upload: { id: string } }).upload.id;
  for (const preset of ['tiny', 'vit-s16'] as const) {
    const model = await registerTinyServedModel(db, home, { preset, seed: 3 });
    await promoteModelVersion(db, { id: model.id, alias: 'champion' });
    const request = {
      url: `${api.url}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `{ predict(input: { uploadId: "${uploadId}" }) { predicted { name probability } uncertainty { entropy } } }`,
      }),
    };
    // GraphQL errors come with status 200: check one answer before timing many.
    const sample = (await (await fetch(request.url, request)).json()) as {
      data?: { predict?: unknown };
      errors?: unknown;
    };
    if (!sample.data?.predict)
      throw new Error(`predict failed on ${preset}: ${JSON.stringify(sample.errors).slice(0, 300)}`);
    await autocannon({ ...request, connections: 8, duration: 3 });
    const result = await autocannon({ ...request, connections: 8, duration: SECONDS });
    const row = `| ${new Date().toISOString().slice(0, 16).replace('T', ' ')} | ${preset} | 8 | ${SECONDS} | ${result.requests.average.toFixed(1)} | ${result.latency.p50} | ${result.latency.p99} | ${result.errors + result.non2xx} | ${os.loadavg()[0].toFixed(1)} |`;
    console.log(row);
    rows.push(row);
  }
  await api.close();
  await db.$disconnect();
} finally {
  await database.close();
  fs.rmSync(home, { recursive: true, force: true });
}
const file = new URL('../BENCHMARKS.md', import.meta.url);
const header =
  '\n## predict\n\n`tsx bench/predict.ts`: `predict(uploadId)` with the champion, 8 concurrent clients, the same 600 x 450 upload\n(decode + resize + onnxruntime, 2 intra-op threads, micro-batches of up to 8). Rate limits raised for the run.\n\n| date (UTC) | preset | clients | seconds | predictions/s | p50 ms | p99 ms | errors | load avg (1 min) |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n';
const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
fs.writeFileSync(
  file,
  text.includes('## predict') ? `${text}${rows.join('\n')}\n` : `${text}${header}${rows.join('\n')}\n`,
);
