'use client';

// Server errors arrive here without their message in production (by design); the digest matches the server log.
export default function LabelError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : undefined;
  return (
    <div className="panel empty-state" role="alert" data-testid="label-error">
      <h2>The labelling queue could not be loaded</h2>
      <p className="muted">
        The DermINO API did not answer as expected. It may be restarting; try again in a moment.
      </p>
      {digest ? <p className="muted mono">Reference: {digest}</p> : null}
      <button type="button" className="button button--primary" onClick={() => retry()}>
        Try again
      </button>
    </div>
  );
}
