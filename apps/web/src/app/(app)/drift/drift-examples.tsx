import Link from 'next/link';
import dashboard from '@/components/charts/dashboard.module.css';
import { exampleMonths, readExamples, referenceExamples, type WindowExample } from '@/lib/drift/drift-extras';
import type { DriftAlert, DriftWindow } from '@/lib/drift/drift-report';
import { formatLabel } from '@/lib/format';
import styles from './drift.module.css';

function Thumbnails({ images, testId }: { images: WindowExample[]; testId: string }) {
  if (images.length === 0) return <p className="muted">No example images stored.</p>;
  return (
    <ul className={styles.thumbs} data-testid={testId}>
      {images.map((image) => (
        <li
          key={image.imageId}
          className={styles.thumb}
          title={image.reason ?? undefined}
          data-testid="example-image"
        >
          {/* biome-ignore lint/performance/noImgElement: the /media proxy serves a 160 px webp */}
          <img
            src={`/media/${image.imageId}/thumb`}
            alt={`Lesion captured ${image.capturedOn}`}
            width={112}
            height={112}
            loading="lazy"
          />
          <span>Captured {image.capturedOn}</span>
        </li>
      ))}
    </ul>
  );
}

/** A chosen month's example images beside the reference months' examples, to see what changed. */
export function DriftExamples({
  windows,
  alerts,
  month,
  reportId,
}: {
  windows: DriftWindow[];
  alerts: DriftAlert[];
  month: string | null;
  reportId: string;
}) {
  const { months, alerted } = exampleMonths(windows, alerts);
  const chosen = windows.find((w) => w.window === month);
  if (!chosen || months.length === 0)
    return (
      <p className="muted">This report stores no example images (it predates that part of the drift job).</p>
    );
  const examples = readExamples(chosen);
  const areas = [
    ...new Set(
      alerts
        .filter((a) => a.window === chosen.window)
        .map((a) => `${formatLabel(a.area)}: ${formatLabel(a.feature)}`),
    ),
  ];
  return (
    <div className={dashboard.stack}>
      <nav className={dashboard.row} aria-label="Month of the examples">
        {months.map((m) => (
          <Link
            key={m}
            href={`/drift?report=${reportId}&month=${m}#examples-heading`}
            aria-current={m === chosen.window ? 'page' : undefined}
            className="button button--ghost"
            data-testid="example-month"
          >
            {m}
            {alerted.includes(m) ? ' ⚠' : ''}
          </Link>
        ))}
      </nav>
      <div className={styles.examples}>
        <section aria-label="Reference months">
          <h3>Reference months</h3>
          <Thumbnails images={referenceExamples(windows)} testId="reference-examples" />
        </section>
        <section aria-label={`Examples of ${chosen.window}`}>
          <h3 data-testid="example-month-heading">{chosen.window}</h3>
          <p className="muted">
            {examples.chosenBy === 'furthest-from-reference'
              ? `Alerts: ${areas.join(', ')}. The images furthest from the reference in those terms (hover for why).`
              : 'No alert this month: a random sample (seeded, so it is the same on every visit).'}
          </p>
          <Thumbnails images={examples.images} testId="window-examples" />
        </section>
      </div>
    </div>
  );
}
