'use server';

import { revalidatePath } from 'next/cache';
import { isApiError } from '@/lib/api/graphql-request';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { adjudicateMutation } from '@/lib/curation/curation-queries';

export type AdjudicationResult = { ok: true; label: string } | { ok: false; code: string; message: string };

export interface AdjudicateState {
  /** By image id: what happened to each image of the last submit. */
  results: Record<string, AdjudicationResult>;
  error: string | null;
}

const MAX_IMAGES = 100;

/**
 * Adjudicates each chosen image to one diagnosis, one API call per image (the API's unit of audit), and reports
 * each image's outcome: one image refused (CONFLICT with histopathology) does not stop the others.
 */
export async function adjudicateImages(_previous: AdjudicateState, form: FormData): Promise<AdjudicateState> {
  await requireRole(['ADMIN', 'DATA']);
  const imageIds = [...new Set(form.getAll('imageId').map(String).filter(Boolean))];
  const conceptCode = String(form.get('conceptCode') ?? '').trim();
  const note = String(form.get('note') ?? '').trim() || undefined;
  if (imageIds.length === 0) return { results: {}, error: 'Select at least one image.' };
  if (imageIds.length > MAX_IMAGES)
    return { results: {}, error: `Select at most ${MAX_IMAGES} images at a time.` };
  if (!conceptCode) return { results: {}, error: 'Choose the diagnosis to adjudicate to.' };
  const results: Record<string, AdjudicationResult> = {};
  for (const imageId of imageIds) {
    try {
      const { adjudicateAnnotation } = await queryApi(adjudicateMutation, {
        input: { imageId, conceptCode, note },
      });
      results[imageId] = { ok: true, label: adjudicateAnnotation.concept.code };
    } catch (error) {
      if (!isApiError(error) || error.code === 'API_UNREACHABLE') throw error;
      results[imageId] = { ok: false, code: error.code, message: error.message };
    }
  }
  revalidatePath('/curation');
  return { results, error: null };
}
