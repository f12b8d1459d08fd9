import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestCase, createTestPatient, createTestUser, uniqueName } from '@dermino/db/testing';
import type {} from '@dermino/db/testing/global-setup';
import { storeImage } from '@dermino/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPng, registerTinyServedModel } from './support/served-model.js';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

// The queue against a real served model (a tiny ViT exported to ONNX) named by modelId, so the champion alias,
// which inference.integration.test.ts moves, plays no part.
let api: TestApi;
let home: string;
let source: string;
let modelId: string;
const tokens: Record<string, string> = {};

const QUEUE = `query($first: Int, $after: String, $strategy: LabellingStrategy, $filter: LabellingFilter, $modelId: ID) {
  labellingQueue(first: $first, after: $after, strategy: $strategy, filter: $filter, modelId: $modelId) {
    edges { cursor node { id round reason image { id } case { id } otherLesions { id } suggestion { code probability } } }
    pageInfo { hasNextPage endCursor } } }`;
const SUBMIT = `mutation($input: SubmitLabelInput!) { submitLabel(input: $input) { outcome code suggestionAccepted answeredAt } }`;
const UNDO = `mutation($imageId: ID!) { undoLabel(input: { imageId: $imageId }) { outcome } }`;
const PROGRESS = '{ labellingProgress { labelled } }';

const queue = (who: string, variables: Record<string, unknown> = {}) =>
  api.execute(
    QUEUE,
    { first: 3, filter: { source: [source] }, modelId, ...variables },
    { token: tokens[who] },
  );
const ids = (result: Awaited<ReturnType<typeof queue>>) =>
  (result.data?.labellingQueue.edges ?? []).map((edge: any) => edge.node.image.id as string);

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-api-labelling-'));
  api = await createTestApi({ home });
  source = uniqueName('labelling');
  // Eight lesions of four patients (two each: a lesion's patient has one other lesion).
  for (let p = 0; p < 4; p++) {
    const patient = await createTestPatient(api.db, { source });
    for (let c = 0; c < 2; c++) {
      const stored = await storeImage(await createTestPng(p * 2 + c + 11), {
        root: path.join(home, 'images'),
      });
      await createTestCase(api.db, {
        source,
        patientId: patient.id,
        images: [{ storageKey: stored.storageKey }],
      });
    }
  }
  modelId = (await registerTinyServedModel(api.db, home, { classes: ['nv', 'mel', 'bcc'] })).id;
  for (const role of ['CLINICIAN', 'DATA', 'MANAGER'] as const) {
    tokens[role] = api.tokenFor(await createTestUser(api.db, { role }));
  }
});
afterAll(async () => {
  await api?.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('labellingQueue', () => {
  it('serves ranked tasks with suggestions; two readers get different images, and a page never repeats one', async () => {
    const [clinician, data] = await Promise.all([queue('CLINICIAN'), queue('DATA')]);
    expect(clinician.errors).toBeUndefined();
    expect(data.errors).toBeUndefined();
    const first = clinician.data?.labellingQueue.edges[0].node;
    expect(first.round).toBe(1);
    expect(first.reason).toMatch(
      /The model is unsure \(margin uncertainty \d+%\) and the image is unlike those already chosen\./,
    );
    expect(first.suggestion.map((s: any) => s.code).sort()).toEqual(['bcc', 'mel', 'nv']);
    expect(first.suggestion[0].probability).toBeGreaterThanOrEqual(first.suggestion[1].probability);
    expect(first.otherLesions).toHaveLength(1);
    expect(first.otherLesions[0].id).not.toBe(first.case.id);
    const served = [...ids(clinician), ...ids(data)];
    expect(served).toHaveLength(6);
    expect(new Set(served).size).toBe(6);
    const next = await queue('CLINICIAN', { after: clinician.data?.labellingQueue.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    expect(ids(next)).toHaveLength(2);
    expect(ids(next).filter((id: string) => served.includes(id))).toEqual([]);
  });

  it('refuses a stale cursor and a manager', async () => {
    const old = await queue('DATA', { first: 1 });
    await queue('DATA', { first: 1 });
    const stale = await queue('DATA', { after: old.data?.labellingQueue.pageInfo.endCursor });
    expect(errorCodes(stale)).toEqual(['BAD_USER_INPUT']);
    expect(stale.errors?.[0].message).toMatch(/The queue cursor is stale \(a newer queue replaced it\)/);
    expect(
      errorCodes(await api.execute(QUEUE, { filter: { source: [source] } }, { token: tokens.MANAGER })),
    ).toEqual(['FORBIDDEN']);
  });
});

describe('submitLabel', () => {
  it('stores a label with provenance once, refuses bad input without storing, and undoes', async () => {
    const reader = await createTestUser(api.db, { role: 'CLINICIAN' });
    tokens.reader = api.tokenFor(reader);
    const source2 = uniqueName('labelling-submit');
    const stored = await storeImage(await createTestPng(99), { root: path.join(home, 'images') });
    await createTestCase(api.db, { source: source2, images: [{ storageKey: stored.storageKey }] });
    const page = await api.execute(
      QUEUE,
      { first: 1, filter: { source: [source2] }, modelId },
      { token: tokens.reader },
    );
    const task = page.data?.labellingQueue.edges[0].node;
    const imageId = task.image.id;
    const submit = (input: Record<string, unknown>, who = 'reader') =>
      api.execute(SUBMIT, { input: { imageId, suggestionShown: true, ...input } }, { token: tokens[who] });

    const unknown = await submit({ code: 'no-such-code' });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors?.[0].message).toBe('Unknown diagnosis code: no-such-code.');
    expect(await api.db.annotation.count({ where: { imageId } })).toBe(0);
    expect(errorCodes(await submit({ code: 'nv' }, 'MANAGER'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await submit({ code: 'nv' }, 'CLINICIAN'))).toEqual(['BAD_USER_INPUT']);

    const top = task.suggestion[0].code;
    const ok = await submit({ code: top });
    expect(ok.data?.submitLabel).toMatchObject({ outcome: 'LABELLED', code: top, suggestionAccepted: true });
    const annotation = await api.db.annotation.findFirstOrThrow({ where: { imageId } });
    expect(annotation).toMatchObject({ annotator: reader.email, confirmation: 'SINGLE_READER' });

    const again = await submit({ code: 'mel' });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(again.errors?.[0].message).toMatch(
      /You already answered image .* \(LABELLED at .*\); undo it to change it\./,
    );
    expect(await api.db.annotation.count({ where: { imageId } })).toBe(1);
    expect((await api.execute(PROGRESS, {}, { token: tokens.reader })).data?.labellingProgress.labelled).toBe(
      1,
    );

    expect(
      (await api.execute(UNDO, { imageId }, { token: tokens.reader })).data?.undoLabel.outcome,
    ).toBeNull();
    expect(await api.db.annotation.count({ where: { imageId } })).toBe(0);
    expect((await api.execute(PROGRESS, {}, { token: tokens.reader })).data?.labellingProgress.labelled).toBe(
      0,
    );
  });
});

describe('second reads and agreement', () => {
  it('a disagreeing second read awaits adjudication; adjudication scores each reader (kappa)', async () => {
    const own = uniqueName('labelling-agree');
    const stored = await storeImage(await createTestPng(77), { root: path.join(home, 'images') });
    await createTestCase(api.db, { source: own, images: [{ storageKey: stored.storageKey }] });
    api.deps.config.labelling = { secondReadShare: 1 };
    const [first, second] = [await createTestUser(api.db), await createTestUser(api.db)];
    const serveOne = async (token: string) =>
      (await api.execute(QUEUE, { first: 1, filter: { source: [own] }, modelId }, { token })).data
        ?.labellingQueue.edges[0]?.node;
    const firstTask = await serveOne(api.tokenFor(first));
    const imageId = firstTask.image.id;
    await api.execute(
      SUBMIT,
      { input: { imageId, code: 'nv', suggestionShown: false } },
      { token: api.tokenFor(first) },
    );
    const secondTask = await serveOne(api.tokenFor(second));
    expect(secondTask).toMatchObject({
      round: 2,
      image: { id: imageId },
      reason: expect.stringMatching(/first reader/),
    });
    await api.execute(
      SUBMIT,
      { input: { imageId, code: 'mel', suggestionShown: true } },
      { token: api.tokenFor(second) },
    );
    api.deps.config.labelling = undefined;

    const data = await createTestUser(api.db, { role: 'DATA' });
    const list = await api.execute(
      '{ labelDisagreements(first: 100) { image { id } codes } }',
      {},
      { token: api.tokenFor(data) },
    );
    expect(list.data?.labelDisagreements).toContainEqual({ image: { id: imageId }, codes: ['nv', 'mel'] });
    const adjudicated = await api.execute(
      `mutation { adjudicateAnnotation(input: { imageId: "${imageId}", conceptCode: "mel" }) { id } }`,
      {},
      { token: api.tokenFor(data) },
    );
    expect(adjudicated.errors).toBeUndefined();
    const agreement = await api.execute(
      '{ readerAgreement { reader labels agreement kappa } }',
      {},
      { token: api.tokenFor(data) },
    );
    const rows = agreement.data?.readerAgreement as { reader: string; labels: number; agreement: number }[];
    expect(rows.find((row) => row.reader === first.email)).toMatchObject({ labels: 1, agreement: 0 });
    expect(rows.find((row) => row.reader === second.email)).toMatchObject({ labels: 1, agreement: 1 });
    expect(
      errorCodes(await api.execute('{ readerAgreement { reader } }', {}, { token: tokens.CLINICIAN })),
    ).toEqual(['FORBIDDEN']);
  });
});
