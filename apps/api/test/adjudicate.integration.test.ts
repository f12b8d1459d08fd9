import { randomUUID } from 'node:crypto';
import { findAuditEvents, findImageLabelVotes } from '@dermino/db';
import { createTestCase, createTestUser } from '@dermino/db/testing';
import { adjudicateLabel } from '@dermino/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const ADJUDICATE = `mutation($input: AdjudicateAnnotationInput!) { adjudicateAnnotation(input: $input) {
  id confirmation annotator concept { code } image { id } } }`;

let api: TestApi;
let token: string;
let email: string;

beforeAll(async () => {
  api = await createTestApi();
  const user = await createTestUser(api.db, { role: 'DATA' });
  token = api.tokenFor(user);
  email = user.email;
});
afterAll(() => api?.close());

/** A case whose one image two readers disagree on (a tie: no label for curation). */
const createDisputedCase = (
  extra: { concept: string; confirmation: 'HISTOPATHOLOGY' | 'CONSENSUS'; image: number }[] = [],
) =>
  createTestCase(api.db, {
    annotations: [
      { concept: 'nv', image: 0, annotator: 'reader-1' },
      { concept: 'mel', image: 0, annotator: 'reader-2' },
      ...extra,
    ],
  });

const annotationCount = (imageId: string) => api.db.annotation.count({ where: { imageId } });

describe('adjudicateAnnotation', () => {
  it("records the decision in the caller's name; it becomes the image's label (case diagnosis and curation's)", async () => {
    const disputed = await createDisputedCase();
    const imageId = disputed.images[0].id;
    expect(adjudicateLabel((await findImageLabelVotes(api.db, { imageId })).votes).tie).toBe(true);
    const result = await api.execute(
      ADJUDICATE,
      { input: { imageId, conceptCode: 'mel', note: 'dermoscopy: regression' } },
      { token },
    );
    expect(result.errors).toBeUndefined();
    const annotation = result.data!.adjudicateAnnotation;
    expect(annotation).toMatchObject({
      confirmation: 'CONSENSUS',
      annotator: email,
      concept: { code: 'mel' },
      image: { id: imageId },
    });
    const label = adjudicateLabel((await findImageLabelVotes(api.db, { imageId })).votes);
    expect(label).toMatchObject({ tie: false, conceptCode: 'mel', basis: 'CONSENSUS' });
    const read = await api.execute(`{ case(id: "${disputed.id}") { diagnosis { code } } }`, {}, { token });
    expect(read.data!.case.diagnosis).toEqual({ code: 'mel' });
    const [audit] = await findAuditEvents(api.db, {
      entityType: 'Annotation',
      entityId: annotation.id,
      action: 'annotation.adjudicate',
    });
    expect(audit.details).toMatchObject({
      imageId,
      concept: 'mel',
      note: 'dermoscopy: regression',
      previous: null,
      previousTie: true,
    });
  });

  it('agrees with a histopathology label it cannot outrank, and refuses to contradict it (CONFLICT, no write)', async () => {
    const proven = await createDisputedCase([{ concept: 'nv', confirmation: 'HISTOPATHOLOGY', image: 0 }]);
    const imageId = proven.images[0].id;
    const refused = await api.execute(ADJUDICATE, { input: { imageId, conceptCode: 'mel' } }, { token });
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors?.[0].message).toBe(
      "The image's histopathology annotations decide nv; an adjudication (stored as consensus) cannot outrank them.",
    );
    expect(await annotationCount(imageId)).toBe(3);
    const agreed = await api.execute(ADJUDICATE, { input: { imageId, conceptCode: 'nv' } }, { token });
    expect(agreed.errors).toBeUndefined();
    expect(await annotationCount(imageId)).toBe(4);
  });

  it.each([
    [
      'an unknown image',
      () => ({ imageId: randomUUID(), conceptCode: 'mel' }),
      'NOT_FOUND',
      /^No image with id [0-9a-f-]{36}\.$/,
    ],
    [
      'an image id that is not a UUID',
      () => ({ imageId: 'x\'; DROP TABLE "Annotation"; --', conceptCode: 'mel' }),
      'NOT_FOUND',
      /^No image with id x'/,
    ],
    [
      'an unknown concept code',
      (imageId: string) => ({ imageId, conceptCode: 'not-a-code' }),
      'BAD_USER_INPUT',
      /^Unknown diagnosis code: not-a-code\.$/,
    ],
    [
      'a note of 2,001 characters',
      (imageId: string) => ({ imageId, conceptCode: 'mel', note: 'x'.repeat(2001) }),
      'BAD_USER_INPUT',
      /note has 2001 characters; at most 2000/,
    ],
  ] as const)('refuses %s with a clear error and writes nothing', async (_name, input, code, message) => {
    const disputed = await createDisputedCase();
    const imageId = disputed.images[0].id;
    const result = await api.execute(ADJUDICATE, { input: input(imageId) }, { token });
    expect(errorCodes(result)).toEqual([code]);
    expect(result.errors?.[0].message).toMatch(message);
    expect(result.data).toBeNull();
    expect(await annotationCount(imageId)).toBe(2);
    // No audit event of an adjudication of this image.
    const audits = await api.db.auditEvent.findMany({
      where: { action: 'annotation.adjudicate', details: { path: ['imageId'], equals: imageId } },
    });
    expect(audits).toEqual([]);
  });

  it.each(['CLINICIAN', 'MANAGER'] as const)('refuses the %s role', async (role) => {
    const disputed = await createDisputedCase();
    const imageId = disputed.images[0].id;
    const result = await api.execute(
      ADJUDICATE,
      { input: { imageId, conceptCode: 'mel' } },
      { token: api.tokenFor(await createTestUser(api.db, { role })) },
    );
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(result.errors?.[0].message).toContain('Mutation.adjudicateAnnotation (DATA, ADMIN)');
    expect(await annotationCount(imageId)).toBe(2);
  });
});
