import Link from 'next/link';
import type { LabellingTaskFields } from '@/lib/labelling/labelling-queries';
import styles from './label.module.css';

/** The case, the patient's other lesions and the most similar confirmed cases, to read the image in context. */
export function TaskContext({ task }: { task: LabellingTaskFields }) {
  return (
    <section className="panel" aria-labelledby="context-title">
      <div className="panel__header">
        <h2 id="context-title">Context</h2>
      </div>
      <div className="panel__body">
        <p>
          Site {task.case.site.replaceAll('_', ' ')}, skin type {task.case.patient.skinType}, patient{' '}
          <span className="mono">{task.case.patient.pseudonym}</span>
        </p>
        {task.otherLesions.length ? (
          <p data-testid="other-lesions">
            Other lesions:{' '}
            {task.otherLesions.map((lesion, index) => (
              <span key={lesion.id}>
                {index ? ', ' : ''}
                <Link href={`/cases/${lesion.id}`} target="_blank">
                  {lesion.site.replaceAll('_', ' ')} ({lesion.diagnosis?.code ?? 'unlabelled'})
                </Link>
              </span>
            ))}
          </p>
        ) : (
          <p className="muted">No other lesions of this patient.</p>
        )}
        {task.similarCases.length ? (
          <ul className={styles.similar} aria-label="Similar confirmed cases">
            {task.similarCases.map((similar) => (
              <li key={similar.image.id}>
                <Link
                  href={`/cases/${similar.case.id}`}
                  target="_blank"
                  title={similar.diagnosis?.concept.name}
                >
                  {/* biome-ignore lint/performance/noImgElement: a thumbnail from our /media route */}
                  <img src={`/media/${similar.image.id}/thumb`} alt="" width={64} height={64} />
                  <span className="mono">{similar.diagnosis?.concept.code ?? '?'}</span>
                  <span className="muted">{Math.round(similar.similarity * 100)}%</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No similar confirmed cases (the image has no embedding yet).</p>
        )}
      </div>
    </section>
  );
}
