import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { isApiError } from '@/lib/api/graphql-request';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { COLOUR_BY, type ColourBy } from '@/lib/embeddings/colour-groups';
import { embeddingPickerQuery, projectionQuery } from '@/lib/embeddings/embedding-queries';
import { pickModel } from '@/lib/embeddings/pick-model';
import { pluralize } from '@/lib/format';
import { EmbeddingScatter } from './embedding-scatter';
import styles from './embeddings.module.css';

export const metadata: Metadata = { title: 'Embedding map' };

const LIMIT = 2000;
const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) || undefined;

export default async function EmbeddingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole(['ADMIN', 'DATA']);
  const params = await searchParams;
  const { embeddingModels: models, datasets } = await queryApi(embeddingPickerQuery, {});
  const model = pickModel(models, first(params.model));
  const versions = datasets.edges.flatMap(({ node: dataset }) =>
    dataset.versions.map((version) => ({ ...version, name: dataset.name })),
  );
  const versionId = versions.find((version) => version.id === first(params.version))?.id;
  const colourParam = first(params.colour);
  const colourBy: ColourBy = COLOUR_BY.includes(colourParam as ColourBy)
    ? (colourParam as ColourBy)
    : 'diagnosis';
  if (!model) {
    return (
      <>
        <h1>Embedding map</h1>
        <div className="panel empty-state" data-testid="empty-state">
          <h2>No embeddings yet</h2>
          <p className="muted">
            An <strong>EMBED</strong> job computes a model&apos;s image embeddings (queue one on the{' '}
            <Link href="/jobs">Jobs</Link> page or with <span className="mono">dermino job embed</span>); the
            map shows them once it has run.
          </p>
        </div>
      </>
    );
  }
  const projection = await queryApi(projectionQuery, {
    modelId: model.id,
    datasetVersionId: versionId,
    limit: LIMIT,
  })
    .then((data) => ({ value: data.embeddingProjection, error: null }))
    .catch((error: unknown) => {
      if (isApiError(error, 'NOT_FOUND') || isApiError(error, 'BAD_USER_INPUT'))
        return { value: null, error: error.message };
      throw error;
    });
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Embedding map</h1>
          <p className="page-header__meta" data-testid="projection-summary">
            {projection.value
              ? `${pluralize(projection.value.points.length, 'image')} of ${projection.value.total.toLocaleString('en-GB')} · ${model.name} · PCA`
              : model.name}
          </p>
        </div>
      </div>
      <Form action="/embeddings" className={`panel ${styles.picker}`} aria-label="Choose the embeddings">
        <div className="field">
          <label htmlFor="pick-model">Model</label>
          <select id="pick-model" name="model" className="select" defaultValue={model.id}>
            {models.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name} ({option.kind.toLowerCase()}
                {option.aliases.length ? `, ${option.aliases.join(', ')}` : ''}; {option.embeddingCount}{' '}
                embeddings)
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pick-version">Dataset version</label>
          <select id="pick-version" name="version" className="select" defaultValue={versionId ?? ''}>
            <option value="">All embedded images</option>
            {versions.map((version) => (
              <option key={version.id} value={version.id}>
                {version.name} v{version.version} ({version.itemCount} images)
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="colour" value={colourBy} />
        <button type="submit" className="button button--primary">
          Show
        </button>
      </Form>
      {projection.value ? (
        <section className="panel">
          <div className="panel__body">
            {projection.value.total > projection.value.points.length ? (
              <p className="notice" role="status">
                Showing a fixed sample of {projection.value.points.length.toLocaleString('en-GB')} of{' '}
                {projection.value.total.toLocaleString('en-GB')} embeddings.
              </p>
            ) : null}
            <EmbeddingScatter
              points={projection.value.points}
              explainedVariance={projection.value.explainedVariance}
              initialColourBy={colourBy}
              hasSplit={Boolean(versionId)}
            />
          </div>
        </section>
      ) : (
        <div className="panel empty-state" data-testid="projection-empty">
          <h2>Nothing to draw</h2>
          <p className="muted">{projection.error}</p>
        </div>
      )}
    </>
  );
}
