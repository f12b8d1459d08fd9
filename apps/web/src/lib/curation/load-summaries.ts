import 'server-only';
import { queryApi } from '@/lib/api/query-api';
import { type ImageSummary, imageSummariesQuery } from './curation-queries';

const CHUNK = 500;

/** Image summaries by id (the API takes up to 500 ids a call). */
export async function loadSummaries(imageIds: readonly string[]): Promise<Map<string, ImageSummary>> {
  const ids = [...new Set(imageIds)];
  const chunks = Array.from({ length: Math.ceil(ids.length / CHUNK) }, (_, i) =>
    ids.slice(i * CHUNK, (i + 1) * CHUNK),
  );
  const results = await Promise.all(chunks.map((chunk) => queryApi(imageSummariesQuery, { ids: chunk })));
  return new Map(
    results.flatMap((result) => result.imageSummaries.map((summary) => [summary.imageId, summary] as const)),
  );
}
