'use client';

import Link from 'next/link';
import { formatEnum, formatLabel } from '@/lib/format';
import type { Analysis } from '@/lib/predict/predict-types';
import styles from './predict.module.css';
import { RateButtons } from './rate-buttons';

export function SimilarCases({ outcome, uploadId }: { outcome: Analysis['similar']; uploadId: string }) {
  if (!outcome.ok) {
    return (
      <section className="panel empty-state" data-testid="similar-error">
        <h2>Similar cases are not available</h2>
        <p className="muted">{outcome.message}</p>
      </section>
    );
  }
  const { cases, diagnosisDistribution, modelVersionId } = outcome.value;
  return (
    <section className="panel" aria-labelledby="similar-title">
      <div className="panel__header">
        <h2 id="similar-title">Similar confirmed cases</h2>
        <span className="muted">
          histopathology, consensus, follow-up or confocal; similarity = 1 − cosine distance
        </span>
      </div>
      {cases.length === 0 ? (
        <div className="empty-state" data-testid="similar-empty">
          <p className="muted">No confirmed case is close enough in this model's embedding space.</p>
        </div>
      ) : (
        <div className="panel__body">
          <div className={styles.distribution} data-testid="neighbour-distribution">
            <h3>What the {cases.length} neighbours were diagnosed as</h3>
            <ul>
              {diagnosisDistribution.map((share) => (
                <li key={share.concept.code}>
                  <span>{share.concept.name}</span>
                  <span className={styles.barTrack} aria-hidden="true">
                    <span className={styles.barFill} style={{ width: `${share.fraction * 100}%` }} />
                  </span>
                  <span className="mono">
                    {share.count} ({Math.round(share.fraction * 100)}%)
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <ul className={styles.similarGrid}>
            {cases.map((item) => (
              <li key={item.image.id} className={styles.similarCard} data-testid="similar-case">
                <Link href={`/cases/${item.case.id}`} className={styles.similarLink}>
                  {/* biome-ignore lint/performance/noImgElement: served by our authenticated /media proxy */}
                  <img src={`/media/${item.image.id}/thumb`} alt="" width={160} height={160} />
                  <strong>{item.diagnosis?.concept.name ?? 'No diagnosis'}</strong>
                  <span className="muted">
                    {item.diagnosis ? formatEnum(item.diagnosis.confirmation) : ''} ·{' '}
                    {formatLabel(item.case.site)}
                  </span>
                  <span className="mono">similarity {item.similarity.toFixed(3)}</span>
                </Link>
                <RateButtons modelId={modelVersionId} uploadId={uploadId} resultImageId={item.image.id} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
