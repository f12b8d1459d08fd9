import os from 'node:os';
import type { ReplicaBackend } from '@dermino/model';
import { loadEnv } from '../env.js';
import type { SelectedBackend } from './select-backend.js';

// wasm and cpu run one thread per process: pretraining then spreads over worker threads, one replica each.
const SINGLE_THREADED: Partial<Record<SelectedBackend['choice'], ReplicaBackend>> = {
  wasm: { module: '@tensorflow/tfjs-backend-wasm', name: 'wasm' },
  cpu: { module: '@tensorflow/tfjs-backend-cpu', name: 'cpu' },
};

export interface TrainingParallelism {
  replicas: number;
  backend: ReplicaBackend | null;
}

/** One replica per core (DERMINO_TRAIN_THREADS overrides) on a single-threaded backend; one on tfjs-node. */
export function trainingParallelism(selected: SelectedBackend): TrainingParallelism {
  const backend = SINGLE_THREADED[selected.choice] ?? null;
  if (!backend) return { replicas: 1, backend: null };
  return { replicas: loadEnv().DERMINO_TRAIN_THREADS ?? os.availableParallelism(), backend };
}
