import Link from 'next/link';
import type { ImageSummary } from '@/lib/curation/curation-queries';
import styles from './curation.module.css';

/** Exact and near-duplicate groups of the audit, thumbnails side by side with each image's label. */
export function DuplicateClusters({
  title,
  groups,
  summaries,
  kind,
}: {
  title: string;
  groups: string[][];
  summaries: Map<string, ImageSummary>;
  kind: 'exact' | 'near';
}) {
  return (
    <div>
      <h3>
        {title} ({groups.length})
      </h3>
      {groups.length === 0 ? (
        <p className="muted">None found.</p>
      ) : (
        <ul className={styles.clusters}>
          {groups.map((group) => (
            <li
              key={group.join()}
              className={styles.cluster}
              data-testid="duplicate-cluster"
              data-kind={kind}
            >
              {group.map((imageId) => {
                const summary = summaries.get(imageId);
                return (
                  <Link
                    key={imageId}
                    href={summary ? `/cases/${summary.caseId}` : '#'}
                    className={styles.clusterImage}
                  >
                    {/* biome-ignore lint/performance/noImgElement: the /media proxy serves a 160 px webp */}
                    <img
                      src={`/media/${imageId}/thumb`}
                      alt={`Lesion ${imageId.slice(0, 8)}, ${summary?.diagnosis ?? 'unlabelled'}`}
                      width={96}
                      height={96}
                      loading="lazy"
                    />
                    <span>{summary?.diagnosis ?? 'unlabelled'}</span>
                  </Link>
                );
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
