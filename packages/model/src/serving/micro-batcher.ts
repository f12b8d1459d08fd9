export interface MicroBatcherOptions<Item, Result> {
  /** Upper bound on items per run. */
  maxBatchSize: number;
  /** How long the first waiting item may wait for company before its batch runs anyway. */
  maxWaitMs: number;
  /** Runs one batch; must return one result per item, in order. */
  runBatch: (items: Item[]) => Promise<Result[]>;
}

export interface MicroBatcher<Item, Result> {
  submit(item: Item): Promise<Result>;
  /** Resolves when everything submitted so far has run. */
  drain(): Promise<void>;
}

interface Pending<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces concurrent submissions into batched runs, one run at a time: a full batch runs at once, a partial
 * one after maxWaitMs, and items that arrive during a run form the next batch as soon as it ends.
 */
export function createMicroBatcher<Item, Result>(options: MicroBatcherOptions<Item, Result>): MicroBatcher<Item, Result> {
  const { maxBatchSize, maxWaitMs, runBatch } = options;
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) throw new Error(`maxBatchSize must be a positive integer, got ${maxBatchSize}`);
  if (!(maxWaitMs >= 0)) throw new Error(`maxWaitMs must be >= 0, got ${maxWaitMs}`);
  const queue: Pending<Item, Result>[] = [];
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const dispatch = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (running || queue.length === 0) return;
    const batch = queue.splice(0, maxBatchSize);
    running = runOne(batch).finally(() => {
      running = undefined;
      // Items queued meanwhile have already waited a whole run: no extra delay.
      if (queue.length > 0) dispatch();
    });
  };

  const runOne = async (batch: Pending<Item, Result>[]) => {
    try {
      const results = await runBatch(batch.map((pending) => pending.item));
      if (results.length !== batch.length) throw new Error(`runBatch returned ${results.length} results for ${batch.length} items`);
      batch.forEach((pending, index) => pending.resolve(results[index]));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  };

  return {
    submit(item) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (running) return;
        if (queue.length >= maxBatchSize) dispatch();
        else if (!timer) timer = setTimeout(dispatch, maxWaitMs);
      });
    },
    async drain() {
      while (running || queue.length > 0) {
        if (!running) dispatch();
        await running;
      }
    },
  };
}
