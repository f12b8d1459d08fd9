/**
 * The right to compute for one job kind on this worker: one job of a kind works at a time (training takes every
 * core), but a job waiting for other jobs gives it up meanwhile. Without that, a chained job queued far ahead (the
 * demo's background continuation: its fine-tuning waits minutes for its pretraining) would hold its kind's only
 * place and block a user's own work (a Retrain) until its chain was done. First come, first served.
 */
export class KindSlot {
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  /** Resolves once the slot is this caller's; call the returned function exactly once to give it back. */
  async acquire(): Promise<() => void> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.busy = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.busy = false;
    };
  }

  /** Whether a caller of acquire() would have to wait. */
  get taken(): boolean {
    return this.busy;
  }
}
