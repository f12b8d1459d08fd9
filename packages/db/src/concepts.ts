import type { DbClient, Prisma } from './client.js';
import { AppError } from './errors.js';

export const conceptSelect = {
  id: true,
  code: true,
  name: true,
  malignant: true,
  parentId: true,
} satisfies Prisma.DiagnosisConceptSelect;

export type ConceptRecord = Prisma.DiagnosisConceptGetPayload<{ select: typeof conceptSelect }>;

/** The whole taxonomy, ordered by code; it is small (hundreds of rows at most). */
export async function listConcepts(db: DbClient): Promise<ConceptRecord[]> {
  return db.diagnosisConcept.findMany({ select: conceptSelect, orderBy: { code: 'asc' } });
}

/** One query for any number of ids (a DataLoader batch); unknown ids are simply absent. */
export async function findConceptsByIds(
  db: DbClient,
  options: { ids: readonly string[] },
): Promise<ConceptRecord[]> {
  if (options.ids.length === 0) return [];
  return db.diagnosisConcept.findMany({ select: conceptSelect, where: { id: { in: [...options.ids] } } });
}

/**
 * The ids of the concepts with these codes and of all their descendants, in one recursive query.
 * An unknown code is an error naming it, so a typo never silently filters everything out.
 */
export async function findConceptIdsWithDescendants(
  db: DbClient,
  options: { codes: readonly string[] },
): Promise<string[]> {
  const codes = [...new Set(options.codes)];
  if (codes.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string; code: string; root: boolean }[]>`
    WITH RECURSIVE tree AS (
      SELECT id, code, true AS root FROM "DiagnosisConcept" WHERE code = ANY(${codes}::text[])
      UNION
      SELECT child.id, child.code, false AS root
      FROM "DiagnosisConcept" child JOIN tree ON child."parentId" = tree.id
    )
    SELECT id, code, root FROM tree`;
  const found = new Set(rows.filter((row) => row.root).map((row) => row.code));
  const unknown = codes.filter((code) => !found.has(code));
  if (unknown.length > 0) {
    throw new AppError('BAD_INPUT', {
      message: `Unknown diagnosis code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
      details: { argument: 'filter.diagnosis', unknown },
    });
  }
  return [...new Set(rows.map((row) => row.id))];
}
