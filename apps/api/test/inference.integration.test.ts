import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db, promoteModelVersion } from '@dermino/db';
import { createTestCase, createTestUser } from '@dermino/db/testing';
import type {} from '@dermino/db/testing/global-setup';
import { storeImage } from '@dermino/ingest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningApi, startApi } from '../src/app.js';
import { signSessionToken } from '../src/auth/session-token.js';
import { createLogger } from '../src/logger.js';
import { fingerprint } from './support/fingerprint.js';
import { createTestPng, registerTinyServedModel } from './support/served-model.js';
import { TEST_SECRET } from './support/test-api.js';

// The only test file that moves the `champion` alias: predictions depend on it.
let api: RunningApi;
let db: Db;
let home: string;
let token: string;
let userId: string;
let imageId: string;

const PREDICT = `query($input: PredictInput!) { predict(input: $input) {
  classes { name probability rawProbability } predicted { name probability }
  uncertainty { entropy normalizedEntropy confidence calibration temperature }
  explanation { method gridSize values } modelVersion { id name aliases } } }`;

async function graphql(query: string, variables: Record<string, unknown> = {}, bearer = token) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: any;
    errors?: { message: string; extensions: { code: string } }[];
  };
}

async function upload(bytes: Buffer, options: { bearer?: string; field?: string; type?: string } = {}) {
  const form = new FormData();
  form.append(
    options.field ?? 'file',
    new Blob([bytes], { type: options.type ?? 'image/png' }),
    'lesion.png',
  );
  const response = await fetch(`${api.url}/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.bearer ?? token}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-api-inference-'));
  db = createDb({ url: inject('databaseUrl') });
  const user = await createTestUser(db, { role: 'CLINICIAN' });
  userId = user.id;
  token = signSessionToken({ sub: user.id, role: user.role }, { secret: TEST_SECRET }).token;
  const stored = await storeImage(await createTestPng(3), { root: path.join(home, 'images') });
  imageId = (await createTestCase(db, { images: [{ storageKey: stored.storageKey }] })).images[0].id;
  await db.modelAlias.deleteMany({ where: { alias: 'champion' } });
  api = await startApi({
    databaseUrl: inject('databaseUrl'),
    port: 0,
    host: '127.0.0.1',
    logger: createLogger({ level: 'silent', pretty: false }),
    config: { sessionSecret: TEST_SECRET, home, nodeEnv: 'production', version: '0.1.0' },
  });
});

afterAll(async () => {
  await api?.close();
  await db?.$disconnect();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('uploads and predictions', () => {
  let uploadId: string;
  let first: { id: string };

  it('stores an upload through the safe intake (201, an Upload row of this user)', async () => {
    const result = await upload(await createTestPng(5));
    expect(result.status).toBe(201);
    expect(result.body.upload).toMatchObject({ width: 64, height: 48, format: 'png' });
    uploadId = result.body.upload.id;
    const row = await db.upload.findUniqueOrThrow({ where: { id: uploadId } });
    expect(row.userId).toBe(userId);
    expect(fs.existsSync(path.join(home, 'images', row.storageKey, 'working.webp'))).toBe(true);
  });

  it('says clearly that there is no champion yet', async () => {
    const result = await graphql(PREDICT, { input: { uploadId } });
    expect(result.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(result.errors?.[0].message).toMatch(/no champion model yet: a manager must promote/);
  });

  it('predicts with the champion: probabilities, entropy, confidence, heatmap, model version', async () => {
    first = await registerTinyServedModel(db, home, { seed: 1 });
    await promoteModelVersion(db, { id: first.id, alias: 'champion' });
    const result = await graphql(PREDICT, { input: { uploadId } });
    expect(result.errors).toBeUndefined();
    const prediction = result.data.predict;
    expect(prediction.modelVersion).toMatchObject({ id: first.id, aliases: ['champion'] });
    expect(prediction.classes.map((c: { name: string }) => c.name).sort()).toEqual(['bcc', 'mel', 'nv']);
    const total = prediction.classes.reduce(
      (sum: number, c: { probability: number }) => sum + c.probability,
      0,
    );
    expect(total).toBeCloseTo(1, 5);
    expect(prediction.predicted).toEqual({
      name: prediction.classes[0].name,
      probability: prediction.classes[0].probability,
    });
    const entropy = -prediction.classes.reduce(
      (sum: number, c: { rawProbability: number }) => sum + c.rawProbability * Math.log(c.rawProbability),
      0,
    );
    expect(prediction.uncertainty.entropy).toBeCloseTo(entropy, 5);
    expect(prediction.uncertainty.normalizedEntropy).toBeCloseTo(entropy / Math.log(3), 5);
    expect(prediction.uncertainty).toMatchObject({ calibration: 'UNCALIBRATED', temperature: null });
    // tiny: 32 px input, 8 px patches -> a 4 x 4 map, normalised to [0, 1].
    expect(prediction.explanation.gridSize).toBe(4);
    expect(prediction.explanation.values).toHaveLength(16);
    expect(Math.max(...prediction.explanation.values)).toBeCloseTo(1, 5);
  });

  it('gives the same answer for the same image, also from 8 concurrent requests (one shared session)', async () => {
    const single = await graphql(PREDICT, { input: { imageId } });
    const many = await Promise.all(Array.from({ length: 8 }, () => graphql(PREDICT, { input: { imageId } })));
    for (const result of many) {
      expect(result.errors).toBeUndefined();
      result.data.predict.classes.forEach((c: { probability: number }, i: number) =>
        expect(c.probability).toBeCloseTo(single.data.predict.classes[i].probability, 5),
      );
    }
    // A registry image belongs to a case: the prediction is audited as a read of that case.
    const audits = await db.auditEvent.count({ where: { userId, action: 'case.predict' } });
    expect(audits).toBe(9);
  });

  it('switches to the new champion when the alias moves, and serves a named version on request', async () => {
    const second = await registerTinyServedModel(db, home, { seed: 2, classes: ['akiec', 'df'] });
    await promoteModelVersion(db, { id: second.id, alias: 'champion' });
    const moved = await graphql(PREDICT, { input: { uploadId } });
    expect(moved.data.predict.modelVersion.id).toBe(second.id);
    expect(moved.data.predict.classes.map((c: { name: string }) => c.name).sort()).toEqual(['akiec', 'df']);
    const named = await graphql(PREDICT, { input: { uploadId, modelId: first.id } });
    expect(named.data.predict.modelVersion.id).toBe(first.id);
  });

  it('refuses a model whose ONNX file does not match its checksum', async () => {
    const tampered = await registerTinyServedModel(db, home, { seed: 4 });
    fs.appendFileSync(path.join(home, tampered.artifacts[0].storageKey), Buffer.from([0]));
    const result = await graphql(PREDICT, { input: { uploadId, modelId: tampered.id } });
    expect(result.errors?.[0].message).toMatch(/does not match its registered checksum/);
  });
});

describe('bad uploads and predictions: a clear error and no change to the data', () => {
  const scope = () => ({ userIds: [userId], folder: path.join(home, 'images') });
  const cases: {
    name: string;
    send: () => Promise<{ status: number; body: any }>;
    status: number;
    message: RegExp;
  }[] = [
    {
      name: 'a file that is not an image',
      send: () => upload(Buffer.from('%PDF-1.7 not an image at all')),
      status: 400,
      message: /refused/,
    },
    {
      name: 'an oversized file (21 MiB)',
      send: () => upload(Buffer.alloc(21 * 1024 * 1024, 1)),
      status: 400,
      message: /larger than 20 MiB/,
    },
    {
      name: 'a decompression bomb (PNG header claiming 100,000 x 100,000 pixels)',
      send: () => upload(pngBomb()),
      status: 400,
      message: /above the limit of 40000000 pixels/,
    },
    {
      name: 'a truncated PNG',
      send: async () => upload((await createTestPng(1)).subarray(0, 80)),
      status: 400,
      message: /corrupt or truncated/,
    },
    {
      name: 'an upload in the wrong field',
      send: async () => upload(await createTestPng(1), { field: 'image' }),
      status: 400,
      message: /field named "file"/,
    },
    {
      name: 'an upload with a forged token',
      send: async () =>
        upload(await createTestPng(1), {
          bearer: signSessionToken({ sub: userId, role: 'CLINICIAN' }, { secret: 'z'.repeat(40) }).token,
        }),
      status: 401,
      message: /invalid signature/,
    },
    {
      name: 'an upload that is not multipart',
      send: () =>
        fetch(`${api.url}/uploads`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: '{}',
        }).then(async (r) => ({ status: r.status, body: await r.json() })),
      status: 400,
      message: /multipart\/form-data/,
    },
  ];
  it.each(cases)('$name', async ({ send, status, message }) => {
    const before = await fingerprint(db, scope());
    const result = await send();
    expect(result.status).toBe(status);
    expect(result.body.error.message).toMatch(message);
    expect(await fingerprint(db, scope())).toBe(before);
  });

  it('predict on an upload of another user: NOT_FOUND', async () => {
    const other = await createTestUser(db, { role: 'CLINICIAN' });
    const otherToken = signSessionToken({ sub: other.id, role: other.role }, { secret: TEST_SECRET }).token;
    const mine = await upload(await createTestPng(9));
    const result = await graphql(PREDICT, { input: { uploadId: mine.body.upload.id } }, otherToken);
    expect(result.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('predict with both or neither of uploadId and imageId', async () => {
    for (const input of [{}, { uploadId: imageId, imageId }]) {
      const result = await graphql(PREDICT, { input });
      expect(result.errors?.[0].message).toBe('Give exactly one of uploadId and imageId.');
    }
  });
});

/** A valid PNG signature and IHDR for a 100,000 x 100,000 RGB image, and a few bytes of data. */
function pngBomb(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(100_000, 0);
  header.writeUInt32BE(100_000, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
