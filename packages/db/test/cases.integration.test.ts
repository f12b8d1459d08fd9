import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../generated/prisma/client.js';
import { findCases, getCaseById, getCaseFacets } from '../src/cases.js';
import type { Db } from '../src/client.js';
import { conceptSelect, findConceptIdsWithDescendants } from '../src/concepts.js';
import { imageSelect } from '../src/images.js';
import { createTestCase, uniqueName } from '../src/testing/factories.js';
import { connectTestDb } from './support/test-db.js';

let db: Db;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, url, close } = await connectTestDb());
});
afterAll(() => close?.());

describe('findCases', () => {
  it('costs the same number of SQL queries for a page of 2 and of 12 cases with images and annotations', async () => {
    const source = uniqueName('query-count');
    for (let i = 0; i < 12; i++) {
      await createTestCase(db, {
        source,
        images: [{}, {}],
        annotations: [{ concept: 'mel', image: 0 }, { concept: 'nv', image: 1 }, { concept: 'melanocytic' }],
      });
    }
    const queries: string[] = [];
    const counted = new PrismaClient({
      adapter: new PrismaPg({ connectionString: url, max: 2 }),
      log: [{ emit: 'event', level: 'query' }],
    });
    counted.$on('query', (event) => queries.push(event.query));
    try {
      const countFor = async (first: number) => {
        queries.length = 0;
        const page = await findCases(counted, {
          filter: { source: [source], diagnosis: ['melanocytic'] },
          first,
        });
        expect(page.cases).toHaveLength(first);
        expect(page.cases.every((row) => row.annotations.length === 3 && row.images.length === 2)).toBe(true);
        return queries.filter((query) => !/^(BEGIN|COMMIT|DEALLOCATE)/i.test(query)).length;
      };
      const small = await countFor(2);
      const large = await countFor(12);
      expect(large).toBe(small);
      // The diagnosis codes expanded to concept ids, then the page with everything and the total: one statement.
      expect(small).toBeLessThanOrEqual(2);
    } finally {
      await counted.$disconnect();
    }
  });

  it('builds the same records in SQL as Prisma reads them (timestamps, floats, nulls, order)', async () => {
    const source = uniqueName('same-as-prisma');
    const created = await createTestCase(db, {
      source,
      createdAt: new Date('2024-02-29T23:59:59.007Z'),
      images: [{ device: 'dermlite' }, {}],
      annotations: [
        { concept: 'nv', image: 1, createdAt: new Date('2024-03-01T10:00:00.001Z') },
        { concept: 'mel', createdAt: new Date('2024-03-01T09:00:00Z') },
      ],
    });
    await db.image.update({
      where: { id: created.images[0].id },
      data: { capturedAt: new Date('2023-12-31T12:34:56.789Z'), brightness: 0.1 + 0.2, contrast: 1e-7 },
    });
    const [found] = (await findCases(db, { filter: { source: [source] }, first: 5 })).cases;
    const read = await db.case.findUniqueOrThrow({
      where: { id: created.id },
      select: {
        id: true,
        externalId: true,
        source: true,
        site: true,
        createdAt: true,
        patient: { select: { id: true, pseudonym: true, sex: true, ageBand: true, skinType: true } },
        images: { select: imageSelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      },
    });
    const { annotations, ...rest } = found;
    expect(rest).toEqual(read);
    expect(found.images[0].brightness).toBe(0.1 + 0.2);
    expect(annotations.map((a) => [a.concept.code, a.createdAt.toISOString(), a.image?.id ?? null])).toEqual([
      ['mel', '2024-03-01T09:00:00.000Z', null],
      ['nv', '2024-03-01T10:00:00.001Z', created.images[1].id],
    ]);
    const concept = await db.diagnosisConcept.findUniqueOrThrow({
      where: { code: 'nv' },
      select: conceptSelect,
    });
    expect(annotations[1].concept).toEqual(concept);
    expect(annotations[1].image).toBe(found.images[1]);
  });

  it('counts the whole filtered set on every page, and reports the next page', async () => {
    const source = uniqueName('total');
    for (let i = 0; i < 3; i++) await createTestCase(db, { source });
    const first = await findCases(db, { filter: { source: [source] }, first: 2 });
    expect([first.cases.length, first.totalCount, first.hasNextPage]).toEqual([2, 3, true]);
    const last = first.cases.at(-1)!;
    const second = await findCases(db, { filter: { source: [source] }, first: 2, after: last });
    expect([second.cases.length, second.totalCount, second.hasNextPage]).toEqual([1, 3, false]);
    const uncounted = await findCases(db, { filter: { source: [source] }, first: 2, withTotal: false });
    expect([uncounted.cases.map((row) => row.id), uncounted.totalCount, uncounted.hasNextPage]).toEqual([
      first.cases.map((row) => row.id),
      null,
      true,
    ]);
  });

  it('records the read in the same statement: one event listing the cases shown, none for an empty page', async () => {
    const source = uniqueName('audited');
    for (let i = 0; i < 3; i++) await createTestCase(db, { source });
    const user = await db.user.create({
      data: { email: `${uniqueName('reader')}@x.test`, name: 'reader', role: 'CLINICIAN', passwordHash: 'x' },
    });
    const entityId = uniqueName('request');
    const audit = { userId: user.id, action: 'case.list', entityType: 'CaseList', entityId };
    const before = new Date();
    const page = await findCases(db, { filter: { source: [source] }, first: 2, audit });
    const events = await db.auditEvent.findMany({ where: { entityType: 'CaseList', entityId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ userId: user.id, action: 'case.list' });
    expect(events[0].details).toEqual({ caseIds: page.cases.map((row) => row.id) });
    expect(Math.abs(events[0].at.getTime() - before.getTime())).toBeLessThan(60_000);
    const emptyId = uniqueName('empty');
    await findCases(db, {
      filter: { source: [uniqueName('none')] },
      first: 2,
      audit: { ...audit, entityId: emptyId },
    });
    expect(await db.auditEvent.count({ where: { entityType: 'CaseList', entityId: emptyId } })).toBe(0);
  });

  it('breaks createdAt ties by id, so keyset pages never skip or repeat', async () => {
    const source = uniqueName('ties');
    const createdAt = new Date('2025-06-01T00:00:00Z');
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await createTestCase(db, { source, createdAt })).id);
    const seen: string[] = [];
    let after = null;
    for (let page = 0; page < 5; page++) {
      const result = await findCases(db, { filter: { source: [source] }, first: 2, after });
      seen.push(...result.cases.map((row) => row.id));
      if (!result.hasNextPage) break;
      const last = result.cases.at(-1)!;
      after = { createdAt: last.createdAt, id: last.id };
    }
    expect(seen).toEqual([...ids].sort().reverse());
  });

  it('refuses a page size outside 1..100', async () => {
    await expect(findCases(db, { first: 101 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(findCases(db, { first: 0 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});

describe('getCaseById', () => {
  it('merges case-level and image-level annotations once each, linking the image', async () => {
    const created = await createTestCase(db, {
      images: [{}],
      annotations: [{ concept: 'nv' }, { concept: 'mel', image: 0 }],
    });
    // An annotation that names both the case and its image must appear once.
    const both = await db.annotation.create({
      data: {
        caseId: created.id,
        imageId: created.images[0].id,
        conceptId: created.annotations[0].conceptId,
        annotator: 'x',
        confirmation: 'CONSENSUS',
      },
    });
    const found = await getCaseById(db, { id: created.id });
    expect(found?.annotations.map((a) => a.id).sort()).toEqual(
      [...created.annotations.map((a) => a.id), both.id].sort(),
    );
    const onImage = found?.annotations.find((a) => a.id === created.annotations[1].id);
    expect(onImage?.image?.id).toBe(created.images[0].id);
    expect(onImage?.concept.code).toBe('mel');
    expect(found?.annotations.find((a) => a.id === created.annotations[0].id)?.image).toBeNull();
    expect(Object.keys(found?.images[0] ?? {})).not.toContain('storageKey');
  });

  it('is null for an unknown id', async () => {
    expect(await getCaseById(db, { id: uniqueName('none') })).toBeNull();
  });
});

describe('concepts and facets', () => {
  it('expands a concept code to itself and its descendants', async () => {
    const ids = await findConceptIdsWithDescendants(db, { codes: ['melanocytic'] });
    const codes = await db.diagnosisConcept.findMany({ where: { id: { in: ids } }, select: { code: true } });
    expect(codes.map((row) => row.code).sort()).toEqual(['mel', 'melanocytic', 'nv']);
  });

  it('names unknown codes', async () => {
    await expect(findConceptIdsWithDescendants(db, { codes: ['mel', 'xyz', 'abc'] })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: 'Unknown diagnosis codes: xyz, abc.',
    });
  });

  it('lists image sources among the sources', async () => {
    const imageSource = uniqueName('image-only-source');
    await createTestCase(db, { images: [{ source: imageSource }] });
    expect((await getCaseFacets(db)).sources).toContain(imageSource);
  });
});
