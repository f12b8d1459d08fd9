import 'server-only';
import { graphql } from '@/gql';
import type { DatasetNamesQuery, ModelFieldsFragment, ModelQuery, ModelsQuery } from '@/gql/graphql';

export type { ModelKind, Split } from '@/gql/graphql';

graphql(`
  fragment ModelFields on ModelVersion {
    id name kind config classes datasetVersionId createdAt licence status statusReason
    parent { id name kind }
    job { id kind }
    aliases { alias updatedAt updatedBy }
    evaluations { id datasetVersionId split predictionCount createdAt }
  }
`);

/** A model as the lists show it; job is null for a model registered by hand. */
export type ModelSummary = ModelFieldsFragment;
export type ModelAlias = ModelSummary['aliases'][number];
export type EvaluationRef = ModelSummary['evaluations'][number];

/** One page of the API's model connection, newest first; totalCount counts every page. */
export type ModelPage = ModelsQuery['models'];

export const modelsQuery = graphql(`
  query Models($first: Int) { models(first: $first) { totalCount edges { node { ...ModelFields } } } }
`);

export type ModelDetail = NonNullable<ModelQuery['model']>;

export const modelQuery = graphql(`
  query Model($id: ID!) {
    model(id: $id) {
      ...ModelFields metrics artifacts { kind sha256 bytes }
      importedFrom { fileName sha256 format architecture taken }
    }
  }
`);

export const championQuery = graphql(`
  query ModelByAlias($alias: String!) { modelByAlias(alias: $alias) { ...ModelFields } }
`);

// The first 100 datasets by name (the API's largest page): enough to name the versions models were trained on.
export const datasetsQuery = graphql(`
  query DatasetNames {
    datasets(first: 100) { edges { node { id name versions { id version contentHash itemCount } } } }
  }
`);

export type DatasetVersionRef = DatasetNamesQuery['datasets']['edges'][number]['node']['versions'][number];

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

/** The label fraction a classifier was fine-tuned with (config.labelFraction), if any. Config is JSON. */
export function labelFractionOf(model: { config: unknown }): number | null {
  const config = model.config;
  const value =
    typeof config === 'object' && config !== null
      ? (config as { labelFraction?: unknown }).labelFraction
      : null;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
