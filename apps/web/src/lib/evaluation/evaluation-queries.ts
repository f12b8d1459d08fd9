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

export const evaluationsQuery = defineQuery<
  { evaluations: Omit<EvaluationDetail, 'report'>[] },
  { modelId?: string; first?: number }
>(`
  query Evaluations($modelId: ID, $first: Int) {
    evaluations(modelId: $modelId, first: $first) { id modelVersionId datasetVersionId split predictionCount createdAt }
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
