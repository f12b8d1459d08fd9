import { type ReactNode, Suspense } from 'react';
import { formatDate } from '@/lib/format';
import { BiasEmptyState } from './bias-meta';
import { BiasPicker } from './bias-picker';
import { type BiasParams, resolveBiasView } from './bias-view';
import type { BiasEvaluation } from './load-bias-evaluation';

type Option = { id: string; label: string };
type PickerModels = {
  name: string;
  aliases: { alias: string }[];
  evaluations: { id: string; split: string; createdAt: string }[];
};

/**
 * The picker as soon as the report is in, offering only the evaluation shown; the other evaluations join when the
 * model list arrives (it is not needed for anything else). Without a report: the page's empty state.
 */
export async function BiasPickerSection({
  data,
  params,
  modelList,
}: {
  data: Promise<BiasEvaluation>;
  params: BiasParams;
  modelList: Promise<{ models: { edges: { node: PickerModels }[] } }>;
}) {
  const { evaluationId, evaluation, report } = await data;
  if (!evaluation || !report) return <BiasEmptyState evaluationId={evaluationId} />;
  const view = resolveBiasView(report, params);
  const current: Option = {
    id: evaluation.id,
    label: `${evaluation.split.toLowerCase()} · ${formatDate(evaluation.createdAt)}`,
  };
  const picker = (evaluations: Option[]) => (
    <BiasPicker
      evaluations={evaluations}
      evaluationId={evaluation.id}
      metrics={view.metrics}
      metric={view.metric}
      groupings={[...view.single, ...view.intersections]}
      grouping={view.grouping ?? ''}
    />
  );
  return (
    <Suspense fallback={picker([current])}>
      <PickerWithOptions modelList={modelList} current={current} render={picker} />
    </Suspense>
  );
}

async function PickerWithOptions({
  modelList,
  current,
  render,
}: {
  modelList: Promise<{ models: { edges: { node: PickerModels }[] } }>;
  current: Option;
  render: (evaluations: Option[]) => ReactNode;
}) {
  const { models } = await modelList;
  const options = models.edges.flatMap(({ node: m }) =>
    m.evaluations.map((e) => ({
      id: e.id,
      label: `${m.name}${m.aliases.length ? ` (${m.aliases.map((a) => a.alias).join(', ')})` : ''} · ${e.split.toLowerCase()} · ${formatDate(e.createdAt)}`,
    })),
  );
  return render(
    options.some((o) => o.id === current.id) ? options : [{ ...current, label: current.id }, ...options],
  );
}
