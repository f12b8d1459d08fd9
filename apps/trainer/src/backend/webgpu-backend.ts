import * as tf from '@tensorflow/tfjs-core';
import type { FoundAdapter } from './webgpu-adapter.js';
import { registerWebGpuFallbacks } from './webgpu-kernels.js';

/** Validation errors Dawn reported outside any error scope: a kernel that did not run (its output is garbage). */
const uncaptured: string[] = [];

/** Messages of the uncaptured WebGPU errors since the backend was installed (the parity test expects none). */
export function webGpuErrors(): readonly string[] {
  return uncaptured;
}

/**
 * Makes `found` the adapter tfjs-backend-webgpu uses: Node has no `navigator.gpu`, so one is defined that hands
 * out this adapter, whose devices report uncaptured errors here; then the backend registers itself on import.
 */
export async function installWebGpu(found: FoundAdapter): Promise<void> {
  const { adapter } = found;
  const requestDevice = adapter.requestDevice.bind(adapter);
  const gpu = {
    requestAdapter: async () =>
      Object.assign(adapter, {
        requestDevice: async (descriptor?: GPUDeviceDescriptor) => {
          const device = await requestDevice(descriptor);
          device.onuncapturederror = (event) => {
            const message = (event as GPUUncapturedErrorEvent).error.message.split('\n')[0];
            uncaptured.push(message);
            console.error(`webgpu: ${message}`);
          };
          return device;
        },
      }),
    getPreferredCanvasFormat: () => 'bgra8unorm',
    // Keeps Dawn's instance alive as long as the adapter is used.
    instance: found.gpu,
  };
  const navigator = (globalThis as { navigator?: object }).navigator;
  if (navigator) Object.defineProperty(navigator, 'gpu', { value: gpu, configurable: true });
  else Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  const { WebGPUBackend } = await import('@tensorflow/tfjs-backend-webgpu');
  if (!tf.findBackendFactory('webgpu'))
    throw new Error('tfjs-backend-webgpu did not register (no navigator.gpu at import)');
  registerWebGpuFallbacks();
  explainSyncReads(WebGPUBackend.prototype);
}

/**
 * dataSync()/arraySync() of a tensor on the GPU need a canvas, which Node lacks ("OffscreenCanvas is not defined"):
 * say what that means. Pretraining reads asynchronously; the fine-tuning, evaluation and embedding jobs do not yet.
 */
function explainSyncReads(prototype: { readSync(dataId: object): unknown }): void {
  const readSync = prototype.readSync;
  if ((readSync as { explained?: boolean }).explained) return;
  const explained = function (this: unknown, dataId: object) {
    try {
      return readSync.call(this, dataId);
    } catch (error) {
      if (!/OffscreenCanvas/.test(String((error as Error).message))) throw error;
      throw new Error(
        'the webgpu backend cannot read a tensor synchronously in Node (dataSync/arraySync); only pretraining runs on webgpu: run this job on a worker with another backend (dermino worker --kinds pretrain --backend webgpu beside a default worker)',
      );
    }
  };
  prototype.readSync = Object.assign(explained, { explained: true });
}
