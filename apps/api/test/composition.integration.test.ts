import { createDatasetVersion, type SkinType, type Split } from '@dermino/db';
import { createTestCase, createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countQueries } from './support/count-queries.js';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const COMPOSITION = `composition { total labelled bySplit { key count } byDiagnosis { key count }
  bySkinType { key count } cells { split diagnosis skinType count } }`;
// The page of this file's dataset only: the shared database holds other files' datasets.
const byName = (fields: string) =>
  `query ($name: String) { datasets(filter: { nameContains: $name }) { edges { node { ${fields} } } } }`;
const QUERY = byName(`name versions { id version ${COMPOSITION} }`);

let api: TestApi;
let token: string;
let name: string;
const versionIds: string[] = [];

beforeAll(async () => {
  api = await createTestApi();
  token = api.tokenFor(await createTestUser(api.db, { role: 'DATA' }));
  name = uniqueName('composition');
  const concepts = new Map((await api.db.diagnosisConcept.findMany()).map((c) => [c.code, c.id]));
  const skinTypes: SkinType[] = ['II', 'V', 'UNKNOWN'];
  const splits: Split[] = ['TRAIN', 'TRAIN', 'VAL', 'TEST'];
  const labels = ['nv', 'mel', null, 'nv', 'bcc'];
  const items = [];
  for (let i = 0; i < 30; i += 1) {
    const created = await createTestCase(api.db, { patient: { skinType: skinTypes[i % 3] } });
    const code = labels[i % 5];
    items.push({
      imageId: created.images[0].id,
      conceptId: code ? concepts.get(code)! : null,
      split: splits[i % 4],
    });
  }
  for (const chosen of [items, items.slice(0, 12)]) {
    const version = await createDatasetVersion(api.db, {
      datasetName: name,
      filter: {},
      splitConfig: {},
      items: chosen,
    });
    versionIds.push(version.id);
  }
});
afterAll(() => api?.close());

/** The composition counted straight from the version's rows, without GROUP BY. */
async function countDirectly(datasetVersionId: string) {
  const rows = await api.db.datasetVersionItem.findMany({
    where: { datasetVersionId },
    select: {
      split: true,
      concept: { select: { code: true } },
      image: { select: { case: { select: { patient: { select: { skinType: true } } } } } },
    },
  });
  const cells = new Map<string, number>();
  for (const row of rows) {
    const key = JSON.stringify([row.split, row.concept?.code ?? null, row.image.case.patient.skinType]);
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  return { total: rows.length, labelled: rows.filter((row) => row.concept).length, cells };
}

describe('DatasetVersion.composition', () => {
  it('counts items per split, label and skin type as a direct count does, for every version', async () => {
    const result = await api.execute(QUERY, { name }, { token });
    expect(result.errors).toBeUndefined();
    const versions = result.data!.datasets.edges.find((e: any) => e.node.name === name).node.versions;
    expect(versions.map((v: { id: string }) => v.id)).toEqual([...versionIds].reverse());
    for (const version of versions) {
      const direct = await countDirectly(version.id);
      const { composition } = version;
      expect(composition.total).toBe(direct.total);
      expect(composition.labelled).toBe(direct.labelled);
      const cells = new Map<string, number>(
        composition.cells.map((c: any) => [JSON.stringify([c.split, c.diagnosis, c.skinType]), c.count]),
      );
      expect(cells).toEqual(direct.cells);
      const sum = (list: { count: number }[]) => list.reduce((total, entry) => total + entry.count, 0);
      for (const list of [composition.bySplit, composition.byDiagnosis, composition.bySkinType])
        expect(sum(list)).toBe(direct.total);
    }
    const [, first] = versions;
    expect(first.composition).toMatchObject({
      total: 30,
      labelled: 24,
      bySplit: [
        { key: 'TRAIN', count: 16 },
        { key: 'VAL', count: 7 },
        { key: 'TEST', count: 7 },
      ],
      byDiagnosis: [
        { key: 'nv', count: 12 },
        { key: 'bcc', count: 6 },
        { key: 'mel', count: 6 },
        { key: 'unlabelled', count: 6 },
      ],
      bySkinType: [
        { key: 'II', count: 10 },
        { key: 'V', count: 10 },
        { key: 'UNKNOWN', count: 10 },
      ],
    });
  });

  it('costs one SQL statement for the compositions of all versions of the page', async () => {
    const without = await countQueries(() =>
      api.execute(byName('name versions { id }'), { name }, { token }),
    );
    const withComposition = await countQueries(() => api.execute(QUERY, { name }, { token }));
    expect(withComposition.result.errors).toBeUndefined();
    expect(withComposition.queries - without.queries).toBe(1);
  });

  it('refuses clinicians, naming the field', async () => {
    const clinician = api.tokenFor(await createTestUser(api.db, { role: 'CLINICIAN' }));
    const result = await api.execute(QUERY, { name }, { token: clinician });
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(result.errors?.[0].message).toContain('DatasetVersion.composition (DATA, MANAGER, ADMIN)');
  });
});
