import type { CaseDetail } from '@/lib/cases/case-queries';
import { formatDate, formatEnum } from '@/lib/format';
import styles from './case-detail.module.css';

interface AnnotationTableProps {
  annotations: CaseDetail['annotations'];
  imageNumbers: Map<string, number>;
}

// Provenance matters as much as the label: who said it, how it was confirmed, when, and about which image.
export function AnnotationTable({ annotations, imageNumbers }: AnnotationTableProps) {
  return (
    <section className="panel" aria-labelledby="annotations-heading">
      <div className="panel__header">
        <h2 id="annotations-heading">Annotations</h2>
        <span className="badge">{annotations.length}</span>
      </div>
      {annotations.length === 0 ? (
        <p className="panel__body muted">No annotations yet.</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Concept</th>
                <th scope="col">Confirmation</th>
                <th scope="col">Annotator</th>
                <th scope="col">Date</th>
                <th scope="col">Applies to</th>
              </tr>
            </thead>
            <tbody>
              {annotations.map((annotation) => (
                <tr key={annotation.id} data-testid="annotation-row">
                  <td>{annotation.concept.name}</td>
                  <td>{formatEnum(annotation.confirmation)}</td>
                  <td>{annotation.annotator}</td>
                  <td>{formatDate(annotation.createdAt)}</td>
                  <td>
                    {annotation.image ? `Image ${imageNumbers.get(annotation.image.id) ?? '?'}` : 'Case'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
