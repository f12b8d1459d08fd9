'use client';

import Link from 'next/link';

/** The error state of a manager page: what failed, the server log reference, retry and a way out. */
export function LoadError({
  what,
  error,
  retry,
  href,
}: {
  what: string;
  error: unknown;
  retry: () => void;
  href: string;
}) {
  // Server errors arrive without their message in production (by design); the digest matches the server log.
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : undefined;
  return (
    <div className="panel empty-state" role="alert" data-testid="load-error">
      <h2>{what} could not be loaded</h2>
      <p className="muted">
        The DermINO API did not answer as expected. It may be restarting; try again in a moment.
      </p>
      {digest ? <p className="muted mono">Reference: {digest}</p> : null}
      <div style={{ display: 'flex', gap: 8 }}>
        <button type="button" className="button button--primary" onClick={() => retry()}>
          Try again
        </button>
        <Link className="button" href={href}>
          Start over
        </Link>
      </div>
    </div>
  );
}
