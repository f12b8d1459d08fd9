import type { DbClient, SkinType, Split } from './client.js';

/** Items of one dataset version with one (split, label, skin type). */
export interface CompositionCellRecord {
  datasetVersionId: string;
  split: Split;
  /** Concept code of the frozen label; null for an unlabelled item. */
  diagnosis: string | null;
  /** The patient's skin type (as it is now: patients are not frozen with the version). */
  skinType: SkinType | null;
  count: number;
}

/**
 * The composition of several versions in one GROUP BY (a page of versions costs one query, not one each).
 * Labels and splits are the frozen ones of the version's items.
 */
export async function findDatasetVersionCompositions(
  db: DbClient,
  options: { datasetVersionIds: readonly string[] },
): Promise<CompositionCellRecord[]> {
  if (options.datasetVersionIds.length === 0) return [];
  return db.$queryRaw<CompositionCellRecord[]>`
    SELECT item."datasetVersionId", item.split::text AS split, concept.code AS diagnosis,
           patient."skinType"::text AS "skinType", count(*)::int AS count
    FROM "DatasetVersionItem" item
    JOIN "Image" image ON image.id = item."imageId"
    JOIN "Case" kase ON kase.id = image."caseId"
    JOIN "Patient" patient ON patient.id = kase."patientId"
    LEFT JOIN "DiagnosisConcept" concept ON concept.id = item."conceptId"
    WHERE item."datasetVersionId" = ANY(${[...options.datasetVersionIds]}::text[])
    GROUP BY item."datasetVersionId", item.split, concept.code, patient."skinType"
    ORDER BY item."datasetVersionId", item.split, concept.code NULLS LAST, patient."skinType"`;
}
