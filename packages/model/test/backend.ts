// Tests run on the wasm backend (the one the trainer uses on CPU machines); set DERMINO_TEST_BACKEND? No:
// packages never read process.env, so the choice is fixed here and documented in README.md.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';

let ready: Promise<void> | null = null;

export function useTestBackend(name: 'wasm' | 'cpu' = 'wasm'): Promise<void> {
  ready ??= (async () => {
    if (name === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
    await tf.setBackend(name);
    await tf.ready();
  })();
  return ready;
}
