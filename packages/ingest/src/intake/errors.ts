/** A file refused at intake, with the reason a data team can act on. */
export class IntakeError extends Error {
  readonly reason: 'UNSUPPORTED_FORMAT' | 'TOO_LARGE' | 'CORRUPT' | 'EMPTY';

  constructor(reason: IntakeError['reason'], message: string) {
    super(message);
    this.name = 'IntakeError';
    this.reason = reason;
  }
}

export function isIntakeError(error: unknown): error is IntakeError {
  return error instanceof IntakeError;
}
