import type { Metadata } from 'next';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { conceptNamesQuery } from '@/lib/predict/predict-queries';
import { LimitsStatement } from './limits-statement';
import styles from './predict.module.css';
import { PredictWorkbench } from './predict-workbench';

export const metadata: Metadata = { title: 'New image' };

export default async function PredictPage() {
  await requireRole(['ADMIN', 'CLINICIAN']);
  const { concepts } = await queryApi(conceptNamesQuery, {});
  // The model names its classes by concept code; the page shows the registry's names.
  const conceptNames = Object.fromEntries(concepts.map((concept) => [concept.code, concept.name]));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>New image</h1>
          <p className="page-header__meta">
            Upload a dermoscopic or clinical image to see the model's probabilities, its uncertainty, where it
            looked, and similar confirmed cases.
          </p>
        </div>
      </div>
      <div className={styles.layout}>
        <LimitsStatement />
        <PredictWorkbench conceptNames={conceptNames} />
      </div>
    </>
  );
}
