import type { ConceptEmbeddings } from '../../concepts/concept-embeddings';
import type { PretrainConfig } from '../pretrain-config';
import type { StepLog } from '../train-step';
import type { ReplicaSnapshot } from './replica-state';

/** The tfjs backend a replica thread loads: a module that registers it, and its name for tf.setBackend. */
export interface ReplicaBackend {
  module: string;
  name: string;
}

export interface ShardInput {
  images: Float32Array;
  shape: [number, number, number, number];
  labels?: { targets: Float32Array; labelSpace: Float32Array; concepts: number };
}

export interface ShardGradients {
  grads: Float32Array;
  losses: StepLog['losses'];
  dino: Float32Array;
  ibot: Float32Array | null;
  /** Rows the shard contributed: images (DINO centre, losses) and masked patches (iBOT centre). */
  rows: number;
  ibotRows: number;
}

export interface AveragedGradients {
  grads: Float32Array;
  dino: Float32Array;
  ibot: Float32Array | null;
}

export type ToReplica =
  | {
      type: 'init';
      rank: number;
      backend: ReplicaBackend;
      config: PretrainConfig;
      conceptEmbeddings?: ConceptEmbeddings;
    }
  | { type: 'sync'; snapshot: ReplicaSnapshot }
  | { type: 'compute'; shard: ShardInput }
  | { type: 'apply'; averaged: AveragedGradients }
  | { type: 'snapshot' };

export type FromReplica =
  | { type: 'ready' }
  | { type: 'synced' }
  | { type: 'gradients'; result: ShardGradients }
  | { type: 'applied'; step: number }
  | { type: 'snapshot'; snapshot: ReplicaSnapshot }
  | { type: 'error'; message: string };
