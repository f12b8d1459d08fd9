import 'server-only';
import { defineQuery } from '@/lib/api/graphql-request';

export type ModelKind = 'BACKBONE' | 'CLASSIFIER';
export type Split = 'TRAIN' | 'VAL' | 'TEST';

export interface EvaluationRef {
  id: string;
  datasetVersionId: string;
  split: Split;
  predictionCount: number;
  createdAt: string;
}

export interface ModelAlias {
  alias: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ModelSummary {
  id: string;
  name: string;
  kind: ModelKind;
  config: Record<string, unknown>;
  classes: string[] | null;
  datasetVersionId: string | null;
  createdAt: string;
  parent: { id: string; name: string; kind: ModelKind } | null;
  /** The job that trained it; null for a model registered by hand. */
  job: { id: string; kind: string } | null;
  aliases: ModelAlias[];
  evaluations: EvaluationRef[];
}

const MODEL_FIELDS = `
  id name kind config classes datasetVersionId createdAt
  parent { id name kind }
  job { id kind }
  aliases { alias updatedAt updatedBy }
  evaluations { id datasetVersionId split predictionCount createdAt }
`;

/** One page of the API's model connection, newest first; totalCount counts every page. */
export interface ModelPage {
  totalCount: number;
  edges: { node: ModelSummary }[];
}

export const modelsQuery = defineQuery<{ models: ModelPage }, { first?: number }>(`
  query Models($first: Int) { models(first: $first) { totalCount edges { node { ${MODEL_FIELDS} } } } }
`);

export interface ModelDetail extends ModelSummary {
  metrics: Record<string, unknown> | null;
  artifacts: { kind: string; sha256: string; bytes: number }[];
}

export const modelQuery = defineQuery<{ model: ModelDetail | null }, { id: string }>(`
  query Model($id: ID!) { model(id: $id) { ${MODEL_FIELDS} metrics artifacts { kind sha256 bytes } } }
`);

export const championQuery = defineQuery<{ modelByAlias: ModelSummary | null }, { alias: string }>(`
  query ModelByAlias($alias: String!) { modelByAlias(alias: $alias) { ${MODEL_FIELDS} } }
`);

export interface DatasetVersionRef {
  id: string;
  version: number;
  contentHash: string;
  itemCount: number;
}

export const datasetsQuery = defineQuery<{
  datasets: { id: string; name: string; versions: DatasetVersionRef[] }[];
}>(`
  query DatasetNames { datasets { id name versions { id version contentHash itemCount } } }
`);

/** "name v3" for each dataset version id, to show lineage by name rather than by uuid. */
export function versionNames(
  datasets: { name: string; versions: DatasetVersionRef[] }[],
): Map<string, string> {
  return new Map(datasets.flatMap((d) => d.versions.map((v) => [v.id, `${d.name} v${v.version}`] as const)));
}

/** The newest evaluation of a model (the API lists them newest first, but do not rely on it). */
export function latestEvaluation<T extends { createdAt: string }>(evaluations: readonly T[]): T | null {
  return [...evaluations].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
}

/** The label fraction a classifier was fine-tuned with (config.labelFraction), if any. */
export function labelFractionOf(model: { config: Record<string, unknown> }): number | null {
  const value = model.config?.labelFraction;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
