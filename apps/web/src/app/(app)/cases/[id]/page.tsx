import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { DiagnosisBadge } from '@/components/diagnosis-badge';
import { isApiError } from '@/lib/api/graphql-request';
import { queryApi } from '@/lib/api/query-api';
import { caseDetailQuery } from '@/lib/cases/case-queries';
import { formatDate, formatEnum, formatLabel, formatSkinType } from '@/lib/format';
import { AnnotationList } from './annotation-list';
import styles from './case-detail.module.css';
import { ImageFigure } from './image-figure';

type Params = Promise<{ id: string }>;

// Shared by generateMetadata and the page, so the API (and its audit log) sees one read per view.
const loadCase = cache(async (id: string) => {
  try {
    return (await queryApi(caseDetailQuery, { id })).case;
  } catch (error) {
    // An id the API cannot even parse is, to the user, just a case that does not exist.
    if (isApiError(error, 'BAD_USER_INPUT') || isApiError(error, 'NOT_FOUND')) return null;
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await loadCase((await params).id);
  return { title: found ? `Case ${found.externalId ?? found.patient.pseudonym}` : 'Case not found' };
}

// No loading.tsx on this route on purpose: nothing streams before notFound(), so an unknown id is a real 404.
export default async function CasePage({ params }: { params: Params }) {
  const found = await loadCase((await params).id);
  if (!found) notFound();
  const imageNumbers = new Map(found.images.map((image, index) => [image.id, index + 1]));
  return (
    <>
      <Link href="/cases" className={styles.back}>
        ← All cases
      </Link>
      <div className="page-header">
        <div>
          <h1 className={styles.title}>
            {found.diagnosis ? found.diagnosis.name : 'Unlabelled case'}
            <DiagnosisBadge concept={found.diagnosis} />
          </h1>
          <p className="page-header__meta">
            Case <span className="mono">{found.externalId ?? found.id}</span> · added{' '}
            {formatDate(found.createdAt)}
          </p>
        </div>
      </div>
      <div className={styles.layout}>
        <section aria-label="Images" className={styles.images}>
          {found.images.length === 0 ? (
            <p className="panel panel__body muted">This case has no images.</p>
          ) : null}
          {found.images.map((image, index) => (
            <ImageFigure key={image.id} image={image} number={index + 1} priority={index === 0} />
          ))}
        </section>
        <aside className={styles.side}>
          <section className="panel" aria-labelledby="patient-heading">
            <div className="panel__header">
              <h2 id="patient-heading">Patient</h2>
            </div>
            <dl className="facts panel__body">
              <dt>Pseudonym</dt>
              <dd className="mono">{found.patient.pseudonym}</dd>
              <dt>Sex</dt>
              <dd>{formatEnum(found.patient.sex)}</dd>
              <dt>Age band</dt>
              <dd>{found.patient.ageBand ?? '—'}</dd>
              <dt>Skin type</dt>
              <dd>{formatSkinType(found.patient.skinType)}</dd>
            </dl>
          </section>
          <section className="panel" aria-labelledby="lesion-heading">
            <div className="panel__header">
              <h2 id="lesion-heading">Lesion</h2>
            </div>
            <dl className="facts panel__body">
              <dt>Site</dt>
              <dd>{formatLabel(found.site)}</dd>
              <dt>Source</dt>
              <dd>{found.source}</dd>
              <dt>Images</dt>
              <dd>{found.images.length}</dd>
            </dl>
          </section>
          <AnnotationList annotations={found.annotations} imageNumbers={imageNumbers} />
        </aside>
      </div>
    </>
  );
}
