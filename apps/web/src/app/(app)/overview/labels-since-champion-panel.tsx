import { RetrainForm } from './retrain-form';

export function LabelsSinceChampionPanel({
  count,
  championId,
}: {
  count: number | null;
  championId: string | null;
}) {
  return (
    <section className="panel" aria-labelledby="labels-heading" data-testid="labels-since-champion">
      <div className="panel__header">
        <h2 id="labels-heading">New labels</h2>
      </div>
      <div className="panel__body">
        {count === null ? (
          <p className="muted">No champion yet.</p>
        ) : (
          <p data-testid="labels-since-champion-count">
            <strong>{count.toLocaleString('en')}</strong> label{count === 1 ? '' : 's'} added since the
            champion was registered (not yet learnt from).
          </p>
        )}
        {count === null ? null : <RetrainForm championId={championId} />}
      </div>
    </section>
  );
}
