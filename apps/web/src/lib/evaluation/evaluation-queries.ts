import 'server-only';
import { defineQuery } from '@/lib/api/graphql-request';
import type { Split } from '@/lib/models/model-queries';

export interface EvaluationDetail {
  id: string;
  modelVersionId: string;
  datasetVersionId: string;
  split: Split;
  report: unknown;
  predictionCount: number;
  createdAt: string;
}

const FIELDS = 'id modelVersionId datasetVersionId split report predictionCount createdAt';

export const evaluationQuery = defineQuery<{ evaluation: EvaluationDetail | null }, { id: string }>(`
  query Evaluation($id: ID!) { evaluation(id: $id) { ${FIELDS} } }
`);

/** One page of the API's evaluation connection, newest first; totalCount counts every page. */
export const evaluationsQuery = defineQuery<
  { evaluations: { totalCount: number; edges: { node: Omit<EvaluationDetail, 'report'> }[] } },
  { filter?: { modelId?: string[]; datasetVersionId?: string[] }; first?: number }
>(`
  query Evaluations($filter: EvaluationFilter, $first: Int) {
    evaluations(filter: $filter, first: $first) {
      totalCount
      edges { node { id modelVersionId datasetVersionId split predictionCount createdAt } }
    }
  }
`);

/** Reports of several evaluations at once (label efficiency), one aliased field each. */
export function evaluationReportsQuery(ids: readonly string[]) {
  const fields = ids.map((_, i) => `e${i}: evaluation(id: $id${i}) { ${FIELDS} }`).join('\n');
  const args = ids.map((_, i) => `$id${i}: ID!`).join(', ');
  return defineQuery<Record<string, EvaluationDetail | null>, Record<string, string>>(
    `query EvaluationReports(${args}) { ${fields} }`,
  );
}
