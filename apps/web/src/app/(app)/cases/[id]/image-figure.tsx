import type { CaseImage } from '@/lib/cases/case-queries';
import { formatDateTime, formatEnum, formatNumber } from '@/lib/format';
import styles from './case-detail.module.css';

export function ImageFigure({
  image,
  number,
  priority,
}: {
  image: CaseImage;
  number: number;
  priority: boolean;
}) {
  const quality = image.quality;
  // The quality job fills these in after intake; until then one line says so instead of four dashes.
  const measured =
    quality !== null && Object.values(quality).some((value) => value !== null && value !== undefined);
  return (
    <figure className={`panel ${styles.figure}`} data-testid="case-image">
      <div className={styles.imageFrame}>
        {/* biome-ignore lint/performance/noImgElement: the API already serves a 512 px webp working copy */}
        <img
          src={`/media/${image.id}/working`}
          alt={`Lesion, view ${number}: ${formatEnum(image.modality).toLowerCase()}`}
          width={image.width ?? 512}
          height={image.height ?? 512}
          loading={priority ? 'eager' : 'lazy'}
          fetchPriority={priority ? 'high' : undefined}
          decoding="async"
        />
      </div>
      <figcaption className="panel__body">
        <h3 className={styles.figureTitle}>
          Image {number} <span className="badge">{formatEnum(image.modality)}</span>
        </h3>
        <dl className={`facts ${styles.imageFacts}`}>
          <dt>Device</dt>
          <dd>{image.device ?? '—'}</dd>
          <dt>Captured</dt>
          <dd>{formatDateTime(image.capturedAt)}</dd>
          <dt>Source</dt>
          <dd>{image.source}</dd>
          <dt>Size</dt>
          <dd>{image.width && image.height ? `${image.width} × ${image.height} px (original)` : '—'}</dd>
          {measured ? (
            <>
              <dt>Brightness</dt>
              <dd>{formatNumber(quality?.brightness)}</dd>
              <dt>Contrast</dt>
              <dd>{formatNumber(quality?.contrast)}</dd>
              <dt>Colour cast</dt>
              <dd>{formatNumber(quality?.colorCast)}</dd>
              <dt>Blur variance</dt>
              <dd>{formatNumber(quality?.blurVariance, 1)}</dd>
            </>
          ) : (
            <>
              <dt>Quality</dt>
              <dd className="muted">Not measured yet</dd>
            </>
          )}
        </dl>
      </figcaption>
    </figure>
  );
}
