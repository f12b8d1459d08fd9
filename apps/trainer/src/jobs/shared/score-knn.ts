import { useConfiguredBackend } from '../../backend/use-backend.js';
import { knnProbabilities } from '../finetune/fit-knn.js';

/**
 * kNN class probabilities of query embeddings against a model's memory. kNN runs on tfjs, and the process that
 * scores may have trained nothing: `dermino start`'s second worker runs EVALUATE, EMBED and DRIFT only, and an
 * evaluation of the kNN classifier failed there with "No backend found in registry". So the backend is selected
 * here (once per process; a no-op after the first call).
 */
export async function scoreKnn(
  memory: { features: Float32Array; labels: Int32Array },
  query: Float32Array,
  dims: number,
  classes: number,
  k: number,
): Promise<Float32Array> {
  await useConfiguredBackend();
  return knnProbabilities(memory, query, dims, classes, k);
}
