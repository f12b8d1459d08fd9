import { describe, expect, it } from 'vitest';
import { createMicroBatcher } from './micro-batcher';

function createRecordingBatcher(maxBatchSize: number, maxWaitMs: number) {
  const batches: number[][] = [];
  const batcher = createMicroBatcher<number, number>({
    maxBatchSize,
    maxWaitMs,
    async runBatch(items) {
      batches.push(items);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return items.map((item) => item * 10);
    },
  });
  return { batcher, batches };
}

describe('createMicroBatcher', () => {
  it('coalesces concurrent submissions into bounded batches and returns each caller its own result', async () => {
    const { batcher, batches } = createRecordingBatcher(4, 50);
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((item) => batcher.submit(item)));
    expect(results).toEqual([10, 20, 30, 40, 50, 60]);
    expect(batches).toEqual([[1, 2, 3, 4], [5, 6]]);
  });

  it('lets separate callers within the wait window share one run', async () => {
    const { batcher, batches } = createRecordingBatcher(8, 30);
    const first = batcher.submit(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = batcher.submit(2);
    expect(await Promise.all([first, second])).toEqual([10, 20]);
    expect(batches).toEqual([[1, 2]]);
  });

  it('rejects every item of a failed batch and keeps serving afterwards', async () => {
    let fail = true;
    const batcher = createMicroBatcher<number, number>({
      maxBatchSize: 2,
      maxWaitMs: 0,
      async runBatch(items) {
        if (fail) throw new Error('session exploded');
        return items;
      },
    });
    const failed = await Promise.allSettled([batcher.submit(1), batcher.submit(2)]);
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await batcher.submit(3)).toBe(3);
  });

  it('rejects a bad batch size', () => {
    expect(() => createMicroBatcher({ maxBatchSize: 0, maxWaitMs: 1, runBatch: async () => [] })).toThrow(/maxBatchSize/);
  });
});
