import 'server-only';
import { queryApi } from '@/lib/api/query-api';
import { type EvaluationDetail, evaluationSubgroupsQuery } from '@/lib/evaluation/evaluation-queries';
import { type EvaluationReport, readReport } from '@/lib/evaluation/report-types';
import { championQuery, latestEvaluation } from '@/lib/models/model-queries';

/** The part of the model list this needs (the picker reads the rest). */
export type ModelList = Promise<{ models: { edges: { node: { evaluations: { id: string }[] } }[] } }>;

export interface BiasEvaluation {
  /** The evaluation asked for (the URL's, else the champion's latest, else the newest listed); none if none. */
  evaluationId: string | undefined;
  evaluation: EvaluationDetail | null;
  report: EvaluationReport | null;
}

/**
 * The report the page breaks down, first in line: with `?evaluation=` at once, otherwise right after the champion.
 * Only without a champion does it ask for the model list (`modelList()`), to take its newest evaluation.
 */
export async function loadBiasEvaluation(
  requestedId: string | undefined,
  modelList: () => ModelList,
): Promise<BiasEvaluation> {
  const evaluationId = requestedId ?? (await championEvaluationId()) ?? (await newestListedId(modelList()));
  if (!evaluationId) return { evaluationId, evaluation: null, report: null };
  const { evaluation } = await queryApi(evaluationSubgroupsQuery, { id: evaluationId });
  return { evaluationId, evaluation, report: evaluation ? readReport(evaluation.report) : null };
}

async function championEvaluationId(): Promise<string | undefined> {
  const { modelByAlias: champion } = await queryApi(championQuery, { alias: 'champion' });
  return champion ? latestEvaluation(champion.evaluations)?.id : undefined;
}

async function newestListedId(modelList: ModelList): Promise<string | undefined> {
  const { models } = await modelList;
  return models.edges.flatMap((edge) => edge.node.evaluations)[0]?.id;
}
