import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAdjudication } from '../src/adjudication.js';
import type { Db } from '../src/client.js';
import {
  findLabellingCandidates,
  getCurrentLabellingBatch,
  reserveLabellingTasks,
} from '../src/labelling.js';
import { findLabelDisagreements, findReaderAdjudicationPairs } from '../src/labelling-agreement.js';
import { countReaderLabels, submitLabel, undoLabel } from '../src/labelling-answers.js';
import { createTestCase, createTestUser, uniqueName } from '../src/testing/factories.js';
import { connectTestDb } from './support/test-db.js';

let db: Db;
let close: () => Promise<void>;
let source: string;
const TTL = 600;
const suggestion = [
  { code: 'nv', probability: 0.7 },
  { code: 'mel', probability: 0.2 },
];

beforeAll(async () => {
  ({ db, close } = await connectTestDb());
  source = uniqueName('labelling');
  for (let i = 0; i < 6; i++)
    await createTestCase(db, { source, images: [{ storageKey: `k/${source}/${i}` }] });
  // Labelled already: never a candidate.
  await createTestCase(db, {
    source,
    images: [{ storageKey: `k/${source}/x` }],
    annotations: [{ concept: 'nv' }],
  });
});
afterAll(async () => close());

const reader = async () => (await createTestUser(db, { role: 'CLINICIAN' })).id;
async function serve(readerId: string, count: number, batchId?: string, from = source) {
  const candidates = await findLabellingCandidates(db, {
    readerId,
    limit: 50,
    filter: { sources: [from] },
  });
  return reserveLabellingTasks(db, {
    readerId,
    batchId,
    strategy: 'RANDOM',
    ttlSeconds: TTL,
    // The whole ranked list and how many to take, as the API does: an image another reader reserved between this
    // reader's read of the candidates and its reservation is passed over.
    take: count,
    tasks: candidates.map((c) => ({ imageId: c.imageId, round: c.round, reason: 'test', suggestion })),
  });
}
const answer = (readerId: string, imageId: string, extra: Partial<Parameters<typeof submitLabel>[1]> = {}) =>
  submitLabel(db, {
    imageId,
    readerId,
    annotator: readerId,
    outcome: 'LABELLED',
    conceptCode: 'nv',
    suggestionShown: true,
    secondReadShare: 0,
    ...extra,
  });

describe('labelling queue reservations', () => {
  it('two readers at once get different images, and an image is never served twice to one reader', async () => {
    const [a, b] = [await reader(), await reader()];
    const [first, second] = await Promise.all([serve(a, 3), serve(b, 3)]);
    const ids = [...first.tasks, ...second.tasks].map((t) => t.imageId);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    // A's new queue releases A's unanswered reservations to others, but never back to A.
    const again = await serve(a, 6);
    expect(
      again.tasks.map((t) => t.imageId).filter((id) => first.tasks.some((t) => t.imageId === id)),
    ).toEqual([]);
    await expect(
      getCurrentLabellingBatch(db, { batchId: first.batchId, readerId: a, ttlSeconds: TTL }),
    ).rejects.toThrow(/queue cursor is stale \(a newer queue replaced it\)/);
    await expect(
      getCurrentLabellingBatch(db, { batchId: again.batchId, readerId: b, ttlSeconds: TTL }),
    ).rejects.toThrow(/no such queue of yours/);
  });

  it('stores a label with provenance, refuses bad answers without storing, and undoes', async () => {
    const a = await reader();
    const { tasks } = await serve(a, 2);
    expect(tasks.length).toBe(2);
    const imageId = tasks[0].imageId;
    await expect(answer(a, imageId, { conceptCode: 'not-a-code' })).rejects.toThrow(
      'Unknown diagnosis code: not-a-code.',
    );
    expect(await db.annotation.count({ where: { imageId } })).toBe(0);
    const stored = await answer(a, imageId);
    expect(stored).toMatchObject({
      outcome: 'LABELLED',
      conceptCode: 'nv',
      suggestionShown: true,
      suggestionAccepted: true,
    });
    const annotation = await db.annotation.findUniqueOrThrow({
      where: { id: stored.annotationId as string },
    });
    expect(annotation).toMatchObject({ imageId, confirmation: 'SINGLE_READER', annotator: a });
    await expect(answer(a, imageId, { conceptCode: 'mel' })).rejects.toThrow(
      /You already answered image .* \(LABELLED/,
    );
    expect(await db.annotation.count({ where: { imageId } })).toBe(1);
    const other = await reader();
    await expect(answer(other, imageId)).rejects.toThrow(/is not in your labelling queue/);
    expect(await countReaderLabels(db, { readerId: a, since: new Date(Date.now() - 60_000) })).toBe(1);
    await undoLabel(db, { imageId, readerId: a });
    expect(await db.annotation.count({ where: { imageId } })).toBe(0);
    expect(await countReaderLabels(db, { readerId: a, since: new Date(Date.now() - 60_000) })).toBe(0);
    const relabelled = await answer(a, imageId, { conceptCode: 'mel' });
    expect(relabelled.suggestionAccepted).toBe(false);
  });

  it('sends an unsure read to a second reader, never to the first', async () => {
    const a = await reader();
    const { tasks } = await serve(a, 1);
    await answer(a, tasks[0].imageId, { outcome: 'UNSURE', conceptCode: 'mel' });
    expect(await db.annotation.count({ where: { imageId: tasks[0].imageId } })).toBe(0);
    const mine = await findLabellingCandidates(db, { readerId: a, limit: 50, filter: { sources: [source] } });
    expect(mine.some((c) => c.imageId === tasks[0].imageId)).toBe(false);
    const b = await reader();
    const theirs = await findLabellingCandidates(db, {
      readerId: b,
      limit: 50,
      filter: { sources: [source] },
    });
    expect(theirs[0]).toMatchObject({ imageId: tasks[0].imageId, round: 2, firstReadCode: 'mel' });
  });

  it('a second reader who disagrees sends the image to adjudication; the adjudicated label scores both readers', async () => {
    const [a, b] = [await reader(), await reader()];
    const own = uniqueName('labelling-second');
    await createTestCase(db, { source: own, images: [{ storageKey: `k/${own}/0` }] });
    const first = (await serve(a, 1, undefined, own)).tasks[0];
    await answer(a, first.imageId, { conceptCode: 'nv', secondReadShare: 1 });
    const second = (await serve(b, 1, undefined, own)).tasks[0];
    expect(second).toMatchObject({ imageId: first.imageId, round: 2 });
    await answer(b, first.imageId, { conceptCode: 'mel' });
    const open = await findLabelDisagreements(db, { take: 100 });
    expect(open.find((d) => d.image.id === first.imageId)?.codes).toEqual(['nv', 'mel']);
    const mel = await db.diagnosisConcept.findUniqueOrThrow({ where: { code: 'mel' } });
    await recordAdjudication(db, {
      imageId: first.imageId,
      conceptId: mel.id,
      confirmation: 'CONSENSUS',
      annotator: 'lead',
      userId: a,
    });
    expect((await findLabelDisagreements(db, { take: 100 })).some((d) => d.image.id === first.imageId)).toBe(
      false,
    );
    const pairs = (await findReaderAdjudicationPairs(db)).filter((p) => p.imageId === first.imageId);
    expect(pairs.map((p) => [p.readerId, p.readerCode, p.adjudicatedCode]).sort()).toEqual(
      [
        [a, 'nv', 'mel'],
        [b, 'mel', 'mel'],
      ].sort(),
    );
  });
});
