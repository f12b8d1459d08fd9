import Link from 'next/link';
import { DiagnosisBadge } from '@/components/diagnosis-badge';
import type { CaseSummary } from '@/lib/cases/case-queries';
import { formatLabel, formatSkinType, pluralize } from '@/lib/format';
import styles from './cases.module.css';

export function CaseCard({ summary, priority }: { summary: CaseSummary; priority: boolean }) {
  const firstImage = summary.images[0];
  const diagnosis = summary.diagnosis;
  // Alone on a card line, a bare "Unknown" would not say what is unknown.
  const skinType =
    summary.patient.skinType === 'UNKNOWN' ? 'Skin type unknown' : formatSkinType(summary.patient.skinType);
  return (
    <li>
      <Link href={`/cases/${summary.id}`} className={styles.card} data-testid="case-card">
        <div className={styles.thumb}>
          <span className={styles.thumbBadge}>
            <DiagnosisBadge concept={diagnosis} />
          </span>
          <span className={`badge ${styles.imageCount}`}>{pluralize(summary.images.length, 'image')}</span>
          {firstImage ? (
            // A plain <img>: the proxy already serves a 160 px webp, so there is nothing left to optimise.
            // biome-ignore lint/performance/noImgElement: see above
            <img
              src={`/media/${firstImage.id}/thumb`}
              alt={`Lesion on ${formatLabel(summary.site).toLowerCase()}, patient ${summary.patient.pseudonym}`}
              width={160}
              height={160}
              loading={priority ? 'eager' : 'lazy'}
              fetchPriority={priority ? 'high' : undefined}
              decoding="async"
            />
          ) : (
            <span className="muted">No image</span>
          )}
        </div>
        <div className={styles.cardBody}>
          <span className={styles.diagnosisName}>{diagnosis ? diagnosis.name : 'Unlabelled'}</span>
          <p className={styles.cardMeta}>
            {formatLabel(summary.site)} · {summary.source}
          </p>
          <p className={`${styles.cardMeta} mono`}>{summary.patient.pseudonym}</p>
          <p className={styles.cardMeta}>{skinType}</p>
        </div>
      </Link>
    </li>
  );
}
