// A data-parallel pretraining replica in a worker thread: its own tfjs backend and a full copy of the state.
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { registerGradients } from '../../register-gradients';
import { createPretrainState, type PretrainState } from '../pretrain-state';
import type { FromReplica, ToReplica } from './protocol';
import { restoreReplica, snapshotReplica } from './replica-state';
import { applyAveraged, computeShard, type GradientLayout, gradientLayout } from './shard-step';

if (!parentPort) throw new Error('replica-worker must run in a worker thread');
const port = parentPort;
let state: PretrainState | null = null;
let layout: GradientLayout | null = null;
let rank = 0;

async function handle(message: ToReplica): Promise<FromReplica> {
  switch (message.type) {
    case 'init': {
      await import(message.backend.module);
      if (!(await tf.setBackend(message.backend.name)))
        throw new Error(`replica ${message.rank}: tf.setBackend('${message.backend.name}') returned false`);
      await tf.ready();
      registerGradients();
      rank = message.rank;
      state = createPretrainState(message.config, { conceptEmbeddings: message.conceptEmbeddings });
      layout = gradientLayout(state);
      return { type: 'ready' };
    }
    case 'sync':
      restoreReplica(state!, message.snapshot);
      return { type: 'synced' };
    case 'compute':
      return { type: 'gradients', result: computeShard(state!, message.shard, rank, layout!) };
    case 'apply':
      applyAveraged(state!, message.averaged, layout!);
      return { type: 'applied', step: state!.step };
    case 'snapshot':
      return { type: 'snapshot', snapshot: snapshotReplica(state!) };
  }
}

// Messages are handled one at a time, in order.
let queue = Promise.resolve();
port.on('message', (message: ToReplica) => {
  queue = queue.then(async () => {
    try {
      const reply = await handle(message);
      port.postMessage(reply);
    } catch (error) {
      port.postMessage({
        type: 'error',
        message: (error as Error).message ?? String(error),
      } satisfies FromReplica);
    }
  });
});
