import * as tf from '@tensorflow/tfjs-core';

interface WebGpuBackendLike {
  device: GPUDevice;
  disposeData(dataId: object): void;
}

/**
 * Kernels of tfjs-backend-webgpu 4.22 that fail in the training step, replaced here (apps/trainer README lists them):
 * - AddN binds every input as a storage buffer in one shader, and a WebGPU device allows 8 per stage by default
 *   (tfjs asks for no more): the global gradient norm sums ~50 tensors, so Dawn rejected the pipeline and the sum
 *   came out as garbage (an uncaptured validation error, no exception). Here it sums in chunks that fit.
 */
export function registerWebGpuFallbacks(): void {
  const addN = tf.getKernel(tf.AddN, 'webgpu');
  if (!addN || (addN as { chunked?: boolean }).chunked) return;
  tf.unregisterKernel(tf.AddN, 'webgpu');
  const chunked: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const webgpu = backend as unknown as WebGpuBackendLike;
    // One binding is the output; uniforms are not storage buffers.
    const most = Math.max(2, webgpu.device.limits.maxStorageBuffersPerShaderStage - 1);
    let tensors = inputs as unknown as tf.TensorInfo[];
    const partial: tf.TensorInfo[] = [];
    while (tensors.length > most) {
      const next: tf.TensorInfo[] = [];
      for (let start = 0; start < tensors.length; start += most) {
        const chunk = tensors.slice(start, start + most);
        if (chunk.length === 1) next.push(chunk[0]);
        else {
          const sum = addN.kernelFunc({ inputs: chunk as never, backend, attrs }) as tf.TensorInfo;
          partial.push(sum);
          next.push(sum);
        }
      }
      tensors = next;
    }
    const result = addN.kernelFunc({ inputs: tensors as never, backend, attrs });
    for (const sum of partial) webgpu.disposeData(sum.dataId);
    return result;
  };
  tf.registerKernel({ ...addN, kernelFunc: chunked, chunked: true } as tf.KernelConfig);
}
