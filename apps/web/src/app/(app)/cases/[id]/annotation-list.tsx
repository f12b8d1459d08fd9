import type { CaseDetail } from '@/lib/cases/case-queries';
import { formatDate, formatEnum } from '@/lib/format';
import styles from './case-detail.module.css';

interface AnnotationListProps {
  annotations: CaseDetail['annotations'];
  imageNumbers: Map<string, number>;
}

// Provenance matters as much as the label: who said it, how it was confirmed, when, and about which image.
export function AnnotationList({ annotations, imageNumbers }: AnnotationListProps) {
  return (
    <section className="panel" aria-labelledby="annotations-heading">
      <div className="panel__header">
        <h2 id="annotations-heading">Annotations</h2>
        <span className="badge">{annotations.length}</span>
      </div>
      {annotations.length === 0 ? (
        <p className="panel__body muted">No annotations yet.</p>
      ) : (
        <ul className={styles.annotations}>
          {annotations.map((annotation) => (
            <li key={annotation.id} className={styles.annotation} data-testid="annotation-row">
              <div className={styles.annotationHead}>
                <span className={styles.annotationConcept}>{annotation.concept.name}</span>
                <span className="badge badge--accent">{formatEnum(annotation.confirmation)}</span>
              </div>
              <p className="muted">
                {annotation.annotator} · {formatDate(annotation.createdAt)} ·{' '}
                {annotation.image ? `Image ${imageNumbers.get(annotation.image.id) ?? '?'}` : 'Whole case'}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
