import * as tf from '@tensorflow/tfjs-core';

// Temporary: the bench loads tfjs-backend-webgpu on Dawn itself until select-backend offers 'webgpu' (issue 17).
// A Vulkan (or Metal, D3D12) adapter first; else Dawn's OpenGL ES one, offered only in compatibility mode.
export async function loadWebgpu(log: (message: string) => void): Promise<void> {
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  let gpu = create([]);
  let compatibility = false;
  if (!(await gpu.requestAdapter())) {
    gpu = create(['backend=opengles']);
    compatibility = true;
  }
  const request = gpu.requestAdapter.bind(gpu);
  gpu.requestAdapter = (options?: GPURequestAdapterOptions) =>
    request({
      powerPreference: 'high-performance',
      ...options,
      ...(compatibility ? { featureLevel: 'compatibility' } : {}),
    });
  Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true });
  const adapter = await gpu.requestAdapter();
  if (!adapter)
    throw new Error('no WebGPU adapter (on Linux without a GPU: EGL_PLATFORM=surfaceless and Mesa EGL)');
  log(`webgpu adapter: ${adapter.info.vendor} / ${adapter.info.architecture} / ${adapter.info.description}`);
  await import('@tensorflow/tfjs-backend-webgpu');
  if (!(await tf.setBackend('webgpu'))) throw new Error("tf.setBackend('webgpu') returned false");
}
