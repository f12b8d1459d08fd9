'use server';

import { isApiError } from '@/lib/api/graphql-request';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { predictQuery, rateSimilarCaseMutation, similarCasesQuery } from '@/lib/predict/predict-queries';
import type { Analysis } from '@/lib/predict/predict-types';

const ROLES = ['ADMIN', 'CLINICIAN'] as const;
const SIMILAR_CASES = 6;
const UPLOAD_ID = /^[A-Za-z0-9_-]{1,64}$/;

type Outcome<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

// Known API refusals (no champion, no embeddings, rate limit) become data the page explains; the rest are crashes.
async function settle<T>(work: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    if (isApiError(error)) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

/** The prediction and the similar confirmed cases of one of the user's uploads, asked for in parallel. */
export async function analyseUpload(uploadId: string): Promise<Analysis> {
  await requireRole(ROLES);
  if (!UPLOAD_ID.test(uploadId)) throw new Error('Not an upload id.');
  const [prediction, similar] = await Promise.all([
    settle(queryApi(predictQuery, { uploadId }).then((data) => data.predict)),
    settle(queryApi(similarCasesQuery, { uploadId, k: SIMILAR_CASES }).then((data) => data.similarCases)),
  ]);
  return { uploadId, prediction, similar };
}

export interface RatingInput {
  modelId: string;
  uploadId: string;
  resultImageId: string;
  helpful: boolean;
}

/** Stores "helpful / not helpful" on one similar case; the API keeps one verdict per user, query and result. */
export async function rateSimilarCase(
  input: RatingInput,
): Promise<{ ok: true; helpful: boolean } | { ok: false; message: string }> {
  await requireRole(ROLES);
  const result = await settle(
    queryApi(rateSimilarCaseMutation, {
      input: {
        modelId: input.modelId,
        queryUploadId: input.uploadId,
        resultImageId: input.resultImageId,
        helpful: input.helpful,
      },
    }),
  );
  return result.ok
    ? { ok: true, helpful: result.value.rateSimilarCase.helpful }
    : { ok: false, message: result.message };
}
