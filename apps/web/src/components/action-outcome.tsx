import type { ReactNode } from 'react';

/**
 * A server action's answer beside its button: the API's refusal as an alert, or its success as a status line.
 * `testId` names both (`<testId>-error`, `<testId>-ok`).
 */
export function ActionOutcome({ error, ok, testId }: { error?: string; ok?: ReactNode; testId?: string }) {
  return (
    <>
      {error ? (
        <span
          role="alert"
          className="badge badge--alert"
          data-testid={testId ? `${testId}-error` : undefined}
        >
          {error}
        </span>
      ) : null}
      {ok ? (
        <span role="status" className="badge badge--ok" data-testid={testId ? `${testId}-ok` : undefined}>
          {ok}
        </span>
      ) : null}
    </>
  );
}
