import Link from 'next/link';
import styles from '@/components/charts/dashboard.module.css';
import type { ModelSummary } from '@/lib/models/model-queries';

/** dataset version -> job -> model -> parent backbone -> evaluations, as links. */
export function Lineage({ model, versionName }: { model: ModelSummary; versionName: string | null }) {
  return (
    <span className={styles.lineage} data-testid="lineage">
      <span title="Dataset version it was trained on">
        {versionName ?? (model.datasetVersionId ? model.datasetVersionId.slice(0, 8) : 'no dataset version')}
      </span>
      <span aria-hidden="true">→</span>
      {model.job ? (
        <>
          <Link href={`/jobs/${model.job.id}`} title="The job that trained it" data-testid="lineage-job">
            {model.job.kind.toLowerCase()} job
          </Link>
          <span aria-hidden="true">→</span>
        </>
      ) : null}
      <strong>{model.name}</strong>
      {model.parent ? (
        <>
          <span aria-hidden="true">←</span>
          <Link href={`/models/${model.parent.id}`} title="Fine-tuned from">
            {model.parent.name}
          </Link>
        </>
      ) : null}
      <span aria-hidden="true">→</span>
      <span>
        {model.evaluations.length} {model.evaluations.length === 1 ? 'evaluation' : 'evaluations'}
      </span>
    </span>
  );
}
