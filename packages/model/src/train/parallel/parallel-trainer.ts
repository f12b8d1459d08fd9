import { Worker } from 'node:worker_threads';
import type { ConceptEmbeddings } from '../../concepts/concept-embeddings';
import type { PretrainState } from '../pretrain-state';
import type { PretrainBatch, StepLog } from '../train-step';
import type { FromReplica, ReplicaBackend, ShardGradients, ShardInput, ToReplica } from './protocol';
import { type ReplicaSnapshot, snapshotReplica } from './replica-state';
import { applyAveraged, averageShards, computeShard, gradientLayout } from './shard-step';

export interface ParallelTrainerOptions {
  /** Replicas in all, this thread included (1 = no worker threads). */
  replicas: number;
  /** The backend each worker thread loads; use the one this thread runs, so replicas compute identically. */
  backend: ReplicaBackend;
  /** Needed when the state has a label head (the workers build the same head). */
  conceptEmbeddings?: ConceptEmbeddings;
  /** Copy this thread's state to the workers every N steps, bounding any float drift (default 100). */
  resyncEvery?: number;
}

export interface ParallelTrainer {
  readonly replicas: number;
  /** One step on the whole batch: each replica takes a contiguous shard, gradients are averaged, all apply them. */
  step(batch: PretrainBatch): Promise<StepLog>;
  /** Copies this thread's state (after a checkpoint restore, say) to every worker. */
  sync(): Promise<void>;
  /** The state of each worker replica (for checks that the replicas agree). */
  workerSnapshots(): Promise<ReplicaSnapshot[]>;
  close(): Promise<void>;
}

class Replica {
  private readonly worker: Worker;
  private pending: { resolve: (m: FromReplica) => void; reject: (e: Error) => void }[] = [];
  private failure: Error | null = null;

  constructor() {
    this.worker = new Worker(new URL('./replica-entry.mjs', import.meta.url));
    this.worker.on('message', (message: FromReplica) => {
      const waiter = this.pending.shift();
      if (!waiter) return;
      if (message.type === 'error') waiter.reject(new Error(`pretraining replica: ${message.message}`));
      else waiter.resolve(message);
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiter of this.pending.splice(0)) waiter.reject(error);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`pretraining replica exited with code ${code}`)));
  }

  send(message: ToReplica): Promise<FromReplica> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.worker.postMessage(message);
    });
  }

  async close() {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

function shardOf(
  batch: PretrainBatch,
  pixels: Float32Array,
  labels: { targets: Float32Array; space: Float32Array } | null,
  start: number,
  rows: number,
): ShardInput {
  const [, h, w, c] = batch.images.shape;
  const image = h * w * c;
  const concepts = batch.labels?.targets.shape[1] ?? 0;
  return {
    images: pixels.slice(start * image, (start + rows) * image),
    shape: [rows, h, w, c],
    labels: labels
      ? {
          targets: labels.targets.slice(start * concepts, (start + rows) * concepts),
          labelSpace: labels.space.slice(start * concepts, (start + rows) * concepts),
          concepts,
        }
      : undefined,
  };
}

/**
 * Data-parallel pretraining over worker threads: every replica holds the whole state, computes the gradients of
 * its shard, and applies the averaged gradients, so all replicas take the same step (this thread's state is the
 * one to checkpoint). With one replica it is trainStep with extra copies.
 */
export async function createParallelTrainer(
  state: PretrainState,
  options: ParallelTrainerOptions,
): Promise<ParallelTrainer> {
  if (!Number.isInteger(options.replicas) || options.replicas < 1)
    throw new Error(`parallel pretraining: replicas must be a positive integer, got ${options.replicas}`);
  if (state.labelHead && !options.conceptEmbeddings)
    throw new Error(
      'parallel pretraining: the state has a label head; pass the conceptEmbeddings it was built from',
    );
  const layout = gradientLayout(state);
  const workers = Array.from({ length: options.replicas - 1 }, () => new Replica());
  const resyncEvery = options.resyncEvery ?? 100;
  let sinceSync = 0;
  const closeAll = () => Promise.all(workers.map((w) => w.close()));
  const sync = async () => {
    const snapshot = snapshotReplica(state);
    await Promise.all(workers.map((w) => w.send({ type: 'sync', snapshot })));
    sinceSync = 0;
  };
  try {
    await Promise.all(
      workers.map((w, i) =>
        w.send({
          type: 'init',
          rank: i + 1,
          backend: options.backend,
          config: state.config,
          conceptEmbeddings: options.conceptEmbeddings,
        }),
      ),
    );
    await sync();
  } catch (error) {
    await closeAll();
    throw error;
  }
  return {
    replicas: options.replicas,
    sync,
    async step(batch) {
      const B = batch.images.shape[0];
      const n = options.replicas;
      if (B < 2 * n)
        throw new Error(`parallel pretraining: a batch of ${B} cannot give ${n} replicas 2 images each`);
      if (sinceSync >= resyncEvery) await sync();
      const pixels = batch.images.dataSync() as Float32Array;
      const labels = batch.labels
        ? {
            targets: batch.labels.targets.dataSync() as Float32Array,
            space: batch.labels.labelSpace.dataSync() as Float32Array,
          }
        : null;
      const bounds = Array.from({ length: n + 1 }, (_, i) => Math.round((i * B) / n));
      const shards = Array.from({ length: n }, (_, i) =>
        shardOf(batch, pixels, labels, bounds[i], bounds[i + 1] - bounds[i]),
      );
      // Workers start first; this thread computes its own shard meanwhile.
      const remote = workers.map((w, i) => w.send({ type: 'compute', shard: shards[i + 1] }));
      const own = computeShard(state, shards[0], 0, layout);
      const results: ShardGradients[] = [own];
      for (const reply of await Promise.all(remote))
        if (reply.type === 'gradients') results.push(reply.result);
      const { losses, ...averaged } = averageShards(results);
      const applied = workers.map((w) => w.send({ type: 'apply', averaged }));
      const { gradNorm, schedule } = applyAveraged(state, averaged, layout);
      await Promise.all(applied);
      sinceSync += 1;
      return { step: state.step, ...schedule, losses, gradNorm };
    },
    async workerSnapshots() {
      const replies = await Promise.all(workers.map((w) => w.send({ type: 'snapshot' })));
      return replies.flatMap((reply) => (reply.type === 'snapshot' ? [reply.snapshot] : []));
    },
    async close() {
      await closeAll();
    },
  };
}
