import type { Metadata } from 'next';
import { Suspense } from 'react';
import styles from '@/components/charts/dashboard.module.css';
import { PanelSkeleton } from '@/components/charts/panel-skeleton';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { modelsQuery } from '@/lib/models/model-queries';
import { rolesFor } from '../nav-items';
import { BiasMeta } from './bias-meta';
import { BiasPickerSection } from './bias-picker-section';
import { BreakdownSection, CalibrationSection, IntersectionsSection } from './bias-sections';
import { readBiasParams } from './bias-view';
import { loadBiasEvaluation } from './load-bias-evaluation';

export const metadata: Metadata = { title: 'Bias' };

/**
 * Streams: the header and skeletons go out at once; the report is fetched first (see loadBiasEvaluation) and each
 * section fills in when it is rendered. The model list only feeds the picker's choices, so nothing waits for it.
 */
const loadModels = () => queryApi(modelsQuery, { first: 100 });

export default async function BiasPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole(rolesFor('/bias') ?? []);
  const params = readBiasParams(await searchParams);
  let models: ReturnType<typeof loadModels> | undefined;
  const modelList = () => {
    models ??= loadModels();
    return models;
  };
  const data = loadBiasEvaluation(params.evaluation, modelList);
  // The list (the slowest query) only fills the picker's choices, so it is asked for after the report: the API's
  // database answers one statement at a time, and the report must not queue behind it.
  const pickerList = data.then(modelList);
  // Without a report nothing reads the list: its failure must not be an unhandled rejection.
  pickerList.catch(() => undefined);
  return (
    <div className={styles.stack}>
      <div className="page-header">
        <div>
          <h1>Bias</h1>
          <Suspense fallback={<p className="page-header__meta">Loading the evaluation report…</p>}>
            <BiasMeta data={data} />
          </Suspense>
        </div>
      </div>
      <Suspense fallback={<PanelSkeleton label="the evaluations" height={44} />}>
        <BiasPickerSection data={data} params={params} modelList={pickerList} />
      </Suspense>
      <Suspense fallback={<PanelSkeleton label="the subgroup breakdown" height={360} />}>
        <BreakdownSection data={data} params={params} />
      </Suspense>
      <Suspense fallback={<PanelSkeleton label="the intersection maps" height={240} />}>
        <IntersectionsSection data={data} params={params} />
      </Suspense>
      <Suspense fallback={null}>
        <CalibrationSection data={data} params={params} />
      </Suspense>
    </div>
  );
}
