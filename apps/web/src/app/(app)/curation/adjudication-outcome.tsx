import type { AdjudicationResult } from './actions';

/** One image's outcome of the last adjudication, shown next to it. */
export function AdjudicationOutcome({ result }: { result: AdjudicationResult | undefined }) {
  if (!result) return null;
  return result.ok ? (
    <p className="badge badge--ok" data-testid="adjudication-ok">
      Adjudicated as {result.label}
    </p>
  ) : (
    <p className="notice notice--alert" role="alert" data-testid="adjudication-error" data-code={result.code}>
      {result.code}: {result.message}
    </p>
  );
}
