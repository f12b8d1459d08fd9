'use client';

// Catches what the pages' own boundaries do not, e.g. the signed-in shell failing because the API is down.
export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : undefined;
  return (
    <main style={{ maxWidth: 560, margin: '15vh auto', padding: '0 24px' }}>
      <div className="panel empty-state" role="alert">
        <h1>DermINO is not available right now</h1>
        <p className="muted">
          The dashboard could not reach the DermINO API. It may be restarting; try again in a moment.
        </p>
        {digest ? <p className="muted mono">Reference: {digest}</p> : null}
        <button type="button" className="button button--primary" onClick={() => retry()}>
          Try again
        </button>
      </div>
    </main>
  );
}
