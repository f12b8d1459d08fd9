import path from 'node:path';
import {
  createJob,
  getDatasetVersionById,
  promoteModelVersion,
  queueNameOf,
  RETRAINING_ACTION,
  registerModelVersion,
} from '@dermino/db';
import {
  createTestCase,
  createTestUser,
  startTestDatabase,
  type TestDatabase,
  uniqueName,
} from '@dermino/db/testing';
import { freezeDatasetVersion, storeImage } from '@dermino/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPng, registerTinyServedModel } from './support/served-model.js';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

// Its own database: the loop counts every queue label and reads the champion alias, which other files move.
let database: TestDatabase;
let api: TestApi;
let source: string;
let backboneId: string;
let baseVersionId: string;

const QUEUE = `query($first: Int, $after: String, $filter: LabellingFilter) {
  labellingQueue(first: $first, after: $after, filter: $filter) {
    edges { node { image { id } } } pageInfo { endCursor } } }`;
const SUBMIT = 'mutation($input: SubmitLabelInput!) { submitLabel(input: $input) { outcome } }';

async function serve(token: string, first: number, after?: string) {
  const result = await api.execute(QUEUE, { first, after, filter: { source: [source] } }, { token });
  expect(result.errors).toBeUndefined();
  const page = result.data?.labellingQueue;
  return {
    ids: page.edges.map((edge: { node: { image: { id: string } } }) => edge.node.image.id),
    cursor: page.pageInfo.endCursor,
  };
}
const label = (token: string, imageId: string, code = 'nv') =>
  api.execute(SUBMIT, { input: { imageId, code, suggestionShown: true } }, { token });
const loopJobs = () =>
  api.db.job.findMany({
    where: { kind: { in: ['FINETUNE', 'EVALUATE'] }, createdBy: { not: null } },
    orderBy: { createdAt: 'asc' },
  });

beforeAll(async () => {
  database = await startTestDatabase();
  api = await createTestApi({ home: database.home, databaseUrl: database.url });
  source = uniqueName('loop');
  // 6 labelled lesions (the champion's training data) and 14 unlabelled ones for the queue.
  for (let index = 0; index < 20; index++) {
    const stored = await storeImage(await createTestPng(index + 31), {
      root: path.join(database.home, 'images'),
    });
    const concept = index % 2 ? 'mel' : 'nv';
    await createTestCase(api.db, {
      source,
      images: [{ storageKey: stored.storageKey }],
      annotations:
        index < 6 ? [{ concept, confirmation: 'HISTOPATHOLOGY', annotator: 'dr-loop', image: 0 }] : [],
    });
  }
  const frozen = await freezeDatasetVersion({
    db: api.db,
    name: uniqueName('loop-data'),
    filter: { source: [source], labelled: true },
    ratios: { TRAIN: 0.6, VAL: 0.2, TEST: 0.2 },
    groupBy: 'lesion',
    seed: 1,
  });
  baseVersionId = frozen.version.id;
  const pretrain = await createJob(api.db, { kind: 'PRETRAIN', payload: {} });
  backboneId = (
    await registerModelVersion(api.db, {
      name: 'loop-backbone',
      kind: 'BACKBONE',
      config: {},
      jobId: pretrain.id,
      artifacts: [],
    })
  ).id;
  // A real served classifier, given the lineage a FINETUNE job records: its backbone, data and method.
  const champion = await registerTinyServedModel(api.db, database.home, { classes: ['nv', 'mel'] });
  await api.db.modelVersion.update({
    where: { id: champion.id },
    data: {
      parentId: backboneId,
      datasetVersionId: baseVersionId,
      config: { ...(champion.config as object), method: 'knn', seed: 3 },
    },
  });
  await promoteModelVersion(api.db, { id: champion.id, alias: 'champion' });
});
afterAll(async () => {
  await api?.close();
  await database?.close();
});

describe('the labelling loop', () => {
  it('after N queue labels queues a FINETUNE on the champion backbone, then an EVALUATE of it, on a new version', async () => {
    api.deps.config.labelling = { retrainEvery: 3 };
    const token = api.tokenFor(await createTestUser(api.db));
    const { ids } = await serve(token, 4);
    expect(ids).toHaveLength(4);
    for (const imageId of ids.slice(0, 2)) expect((await label(token, imageId)).errors).toBeUndefined();
    expect(await loopJobs()).toEqual([]);

    expect((await label(token, ids[2]!, 'mel')).errors).toBeUndefined();
    const jobs = await loopJobs();
    expect(jobs.map((job) => job.kind)).toEqual(['FINETUNE', 'EVALUATE']);
    const [finetune, evaluate] = jobs as [(typeof jobs)[0], (typeof jobs)[0]];
    const versionId = (finetune.payload as { datasetVersionId: string }).datasetVersionId;
    expect(finetune.payload).toEqual({
      backbone: { modelVersionId: backboneId },
      datasetVersionId: versionId,
      method: 'knn',
      labelFraction: 1,
      seed: 3,
      name: expect.stringMatching(/-relabelled$/),
    });
    expect(evaluate.payload).toEqual({
      model: { fromJob: finetune.id },
      datasetVersionId: versionId,
      split: 'TEST',
      after: [finetune.id],
    });
    // The new version of the champion's dataset holds its 6 labels and the 3 new ones.
    const [base, next] = [
      await getDatasetVersionById(api.db, { id: baseVersionId }),
      await getDatasetVersionById(api.db, { id: versionId }),
    ];
    expect(next).toMatchObject({ datasetName: base.datasetName, version: base.version + 1, itemCount: 9 });
    expect(base.itemCount).toBe(6);
    const queue = await api.deps.services.getQueue();
    expect(await queue.getJobById(queueNameOf('FINETUNE'), finetune.id)).not.toBeNull();
    expect(await queue.getJobById(queueNameOf('EVALUATE'), evaluate.id)).not.toBeNull();
    const claims = await api.db.auditEvent.findMany({ where: { action: RETRAINING_ACTION } });
    expect(claims.map((claim) => claim.details)).toEqual([expect.objectContaining({ labels: 3, every: 3 })]);

    // The count starts again: one more label is not a retraining.
    expect((await label(token, ids[3]!)).errors).toBeUndefined();
    expect(await loopJobs()).toHaveLength(2);
  });

  it('with a champion it cannot retrain (no backbone), the label is stored and nothing is queued', async () => {
    api.deps.config.labelling = { retrainEvery: 1 };
    const champion = await api.db.modelAlias.findUniqueOrThrow({ where: { alias: 'champion' } });
    await api.db.modelVersion.update({ where: { id: champion.modelVersionId }, data: { parentId: null } });
    const reader = await createTestUser(api.db);
    const token = api.tokenFor(reader);
    const { ids } = await serve(token, 1);
    expect((await label(token, ids[0]!)).data?.submitLabel.outcome).toBe('LABELLED');
    expect(await api.db.annotation.count({ where: { imageId: ids[0], annotator: reader.email } })).toBe(1);
    expect(await loopJobs()).toHaveLength(2);
    await api.db.modelVersion.update({
      where: { id: champion.modelVersionId },
      data: { parentId: backboneId },
    });
    api.deps.config.labelling = undefined;
  });
});

const RETRAIN = 'mutation { retrainChampion { datasetVersionId finetuneJobId evaluateJobId labels } }';
const EFFICIENCY = `{ labelEfficiency { backbone { id } method points {
  model { id } labels balancedAccuracy { value ciLow ciHigh } pixelBaseline { value } champion } } }`;

describe('retraining on demand', () => {
  it('queues the same FINETUNE and EVALUATE now for the data team, then refuses until a new label arrives', async () => {
    api.deps.config.labelling = { retrainEvery: 0 };
    const data = api.tokenFor(await createTestUser(api.db, { role: 'DATA' }));
    const before = (await loopJobs()).length;
    // A page showing another champion (it moved since): refused, nothing frozen or queued.
    const versionsBefore = await api.db.datasetVersion.count();
    const stale = await api.execute(
      'mutation($id: ID) { retrainChampion(championId: $id) { labels } }',
      { id: backboneId },
      { token: data },
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors?.[0].message).toMatch(
      /^The champion has changed since you looked: it is now .*\. Reload/,
    );
    expect(await api.db.datasetVersion.count()).toBe(versionsBefore);
    expect(await loopJobs()).toHaveLength(before);
    const started = await api.execute(RETRAIN, {}, { token: data });
    expect(started.errors).toBeUndefined();
    const result = started.data?.retrainChampion;
    // The two labels given after the loop's claim (tests above), from any source.
    expect(result.labels).toBe(2);
    const jobs = await loopJobs();
    expect(jobs.slice(before).map((job) => [job.kind, job.id])).toEqual([
      ['FINETUNE', result.finetuneJobId],
      ['EVALUATE', result.evaluateJobId],
    ]);
    expect(jobs[before]!.payload).toMatchObject({
      backbone: { modelVersionId: backboneId },
      datasetVersionId: result.datasetVersionId,
      method: 'knn',
    });
    const claims = await api.db.auditEvent.findMany({
      where: { action: RETRAINING_ACTION },
      orderBy: { at: 'asc' },
    });
    expect(claims.at(-1)?.details).toMatchObject({ trigger: 'on-demand', labels: 2 });

    // Nothing new since: a clear refusal, and no version, job or claim is added.
    const versions = await api.db.datasetVersion.count();
    const again = await api.execute(RETRAIN, {}, { token: data });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(again.errors?.[0].message).toMatch(
      /No label was added since the champion .* nothing new to learn from/,
    );
    expect(await api.db.datasetVersion.count()).toBe(versions);
    expect(await loopJobs()).toHaveLength(before + 2);
    expect(await api.db.auditEvent.count({ where: { action: RETRAINING_ACTION } })).toBe(claims.length);
  });

  it('is refused to a clinician, and without a champion', async () => {
    const clinician = api.tokenFor(await createTestUser(api.db, { role: 'CLINICIAN' }));
    expect(errorCodes(await api.execute(RETRAIN, {}, { token: clinician }))).toEqual(['FORBIDDEN']);
    const manager = api.tokenFor(await createTestUser(api.db, { role: 'MANAGER' }));
    const alias = await api.db.modelAlias.findUniqueOrThrow({ where: { alias: 'champion' } });
    await api.db.modelAlias.delete({ where: { alias: 'champion' } });
    try {
      const refused = await api.execute(RETRAIN, {}, { token: manager });
      expect(errorCodes(refused)).toEqual(['NOT_FOUND']);
      expect(refused.errors?.[0].message).toBe(
        'There is no champion to retrain: promote a classifier first.',
      );
      expect((await api.execute(EFFICIENCY, {}, { token: manager })).data?.labelEfficiency).toBeNull();
    } finally {
      await promoteModelVersion(api.db, { id: alias.modelVersionId, alias: 'champion' });
    }
  });
});

describe('the label-efficiency curve', () => {
  it("plots every evaluated classifier of the champion's backbone and method by the labels it learnt from", async () => {
    const manager = api.tokenFor(await createTestUser(api.db, { role: 'MANAGER' }));
    const { modelVersionId: championId } = await api.db.modelAlias.findUniqueOrThrow({
      where: { alias: 'champion' },
    });
    const classifier = async (name: string, config: object) =>
      registerModelVersion(api.db, {
        jobId: (await createJob(api.db, { kind: 'FINETUNE', payload: {} })).id,
        name: uniqueName(name),
        kind: 'CLASSIFIER',
        config,
        datasetVersionId: baseVersionId,
        parentId: backboneId,
        artifacts: [],
      });
    const evaluate = (
      modelVersionId: string,
      value: number,
      options: { trainImages?: number; split?: 'TEST' | 'VAL' } = {},
    ) =>
      api.db.evaluation.create({
        data: {
          modelVersionId,
          datasetVersionId: baseVersionId,
          split: options.split ?? 'TEST',
          report: { overall: { balanced_accuracy: { value, ci_low: value - 0.1, ci_high: value + 0.1 } } },
          baseline:
            options.trainImages === undefined
              ? undefined
              : {
                  method: 'pixel-logistic-regression',
                  trainImages: options.trainImages,
                  baseline: { balanced_accuracy: { value: 0.5, ci_low: 0.4, ci_high: 0.6 } },
                  gain: {},
                },
        },
      });
    // The champion, evaluated twice: the newest counts; its baseline counted 4 labels.
    await evaluate(championId, 0.6, { trainImages: 4 });
    await evaluate(championId, 0.7, { trainImages: 4 });
    // A kNN head on half the labels (no baseline: its labelFraction of the version's labelled train images).
    const few = await classifier('few', { method: 'knn', labelFraction: 0.5 });
    await evaluate(few.id, 0.55);
    // Left out: another method, and a head evaluated on validation images only.
    await evaluate((await classifier('linear', { method: 'linear' })).id, 0.9, { trainImages: 4 });
    await evaluate((await classifier('val-only', { method: 'knn' })).id, 0.9, { split: 'VAL' });

    const result = await api.execute(EFFICIENCY, {}, { token: manager });
    expect(result.errors).toBeUndefined();
    const curve = result.data?.labelEfficiency;
    const trainLabelled = await api.db.datasetVersionItem.count({
      where: { datasetVersionId: baseVersionId, split: 'TRAIN', conceptId: { not: null } },
    });
    expect(curve).toMatchObject({ backbone: { id: backboneId }, method: 'knn' });
    expect(curve.points).toEqual([
      {
        model: { id: few.id },
        labels: Math.round(trainLabelled * 0.5),
        balancedAccuracy: { value: 0.55, ciLow: expect.closeTo(0.45), ciHigh: expect.closeTo(0.65) },
        pixelBaseline: null,
        champion: false,
      },
      {
        model: { id: championId },
        labels: 4,
        balancedAccuracy: { value: 0.7, ciLow: expect.closeTo(0.6), ciHigh: expect.closeTo(0.8) },
        pixelBaseline: { value: 0.5 },
        champion: true,
      },
    ]);
    const clinician = api.tokenFor(await createTestUser(api.db, { role: 'CLINICIAN' }));
    expect(errorCodes(await api.execute(EFFICIENCY, {}, { token: clinician }))).toEqual(['FORBIDDEN']);
  });
});

describe('reservations and labels across an API restart', () => {
  it('labels stay, the reader goes on in the same queue, a held image stays held, and an expired one moves on cleanly', async () => {
    api.deps.config.labelling = { retrainEvery: 0 };
    const [reader, other, late] = [
      await createTestUser(api.db),
      await createTestUser(api.db),
      await createTestUser(api.db),
    ];
    const first = await serve(api.tokenFor(reader), 2);
    const [answered, held] = first.ids as [string, string];
    expect((await label(api.tokenFor(reader), answered)).errors).toBeUndefined();

    await api.close();
    api = await createTestApi({ home: database.home, databaseUrl: database.url });

    const progress = await api.execute(
      '{ labellingProgress { labelled } }',
      {},
      { token: api.tokenFor(reader) },
    );
    expect(progress.data?.labellingProgress.labelled).toBe(1);
    expect(await api.db.annotation.count({ where: { imageId: answered, annotator: reader.email } })).toBe(1);
    const next = await serve(api.tokenFor(reader), 2, first.cursor);
    expect(next.ids).toHaveLength(2);
    expect(next.ids.filter((id: string) => first.ids.includes(id))).toEqual([]);
    expect((await serve(api.tokenFor(other), 50)).ids).not.toContain(held);

    // The reservation runs out: the image goes to the next reader who asks, and the first reader's late answer
    // is refused once that reader has answered, with nothing stored.
    await api.db.labellingTask.updateMany({
      where: { imageId: held, readerId: reader.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await serve(api.tokenFor(late), 50)).ids).toContain(held);
    expect((await label(api.tokenFor(late), held, 'mel')).errors).toBeUndefined();
    const refused = await label(api.tokenFor(reader), held);
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors?.[0].message).toMatch(
      /reservation of image .* expired and another reader has answered it/,
    );
    expect(await api.db.annotation.count({ where: { imageId: held } })).toBe(1);
  });
});
