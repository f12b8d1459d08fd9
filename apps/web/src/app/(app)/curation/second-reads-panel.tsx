import Link from 'next/link';
import { DataTable } from '@/components/charts/data-table';
import { queryApi } from '@/lib/api/query-api';
import { secondReadsQuery } from '@/lib/labelling/labelling-queries';
import styles from './curation.module.css';
import { DisagreementForm } from './disagreement-form';

const kappaText = (kappa: number | null | undefined) =>
  kappa === null || kappa === undefined ? 'not defined (one class only)' : kappa.toFixed(2);

/**
 * The labelling workbench's second reads: images two readers labelled differently, to adjudicate, and each
 * reader's agreement with the adjudicated labels (Cohen's kappa corrects the raw share for chance).
 */
export async function SecondReadsPanel({ concepts }: { concepts: { code: string; name: string }[] }) {
  const { labelDisagreements, readerAgreement } = await queryApi(secondReadsQuery, {});
  return (
    <>
      <h3>Disagreements to adjudicate</h3>
      {labelDisagreements.length === 0 ? (
        <p className="muted" data-testid="disagreements-empty">
          No open disagreements: every second read agreed with the first, or has been adjudicated.
        </p>
      ) : (
        <ul className={styles.grid} data-testid="disagreements">
          {labelDisagreements.map((row) => (
            <li
              key={row.image.id}
              className={styles.tile}
              data-testid="disagreement"
              data-image-id={row.image.id}
            >
              {/* biome-ignore lint/performance/noImgElement: a thumbnail from our /media route */}
              <img src={`/media/${row.image.id}/thumb`} alt="" width={160} height={160} />
              <p>
                Readers said{' '}
                <span className="mono" data-testid="disagreement-codes">
                  {row.codes.join(' / ')}
                </span>
              </p>
              <DisagreementForm imageId={row.image.id} codes={row.codes} concepts={concepts} />
            </li>
          ))}
        </ul>
      )}
      <h3>Reader agreement with adjudicated labels</h3>
      {readerAgreement.length === 0 ? (
        <p className="muted" data-testid="reader-agreement-empty">
          No reader's queue labels have been adjudicated yet.
        </p>
      ) : (
        <DataTable
          caption="Agreement with adjudication, per reader"
          exportName="reader-agreement"
          testId="reader-agreement"
          columns={[
            { key: 'reader', label: 'Reader' },
            { key: 'labels', label: 'Adjudicated labels', numeric: true },
            { key: 'agreement', label: 'Agreement', numeric: true },
            { key: 'kappa', label: "Cohen's kappa", numeric: true },
          ]}
          rows={readerAgreement.map((row) => ({
            id: row.reader,
            testId: 'reader-agreement-row',
            cells: {
              reader: { value: row.reader },
              labels: { value: row.labels },
              agreement: { value: row.agreement, display: `${Math.round(row.agreement * 100)}%` },
              kappa: { value: row.kappa ?? null, display: kappaText(row.kappa) },
            },
          }))}
        />
      )}
      <p className="muted">
        Second reads come from the <Link href="/label">labelling workbench</Link>.
      </p>
    </>
  );
}
