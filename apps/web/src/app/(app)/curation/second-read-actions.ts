'use server';

import { revalidatePath } from 'next/cache';
import { isApiError } from '@/lib/api/graphql-request';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { adjudicateMutation } from '@/lib/curation/curation-queries';

export type DisagreementState = { ok: true; label: string } | { ok: false; message: string } | null;

/** Settles one reader disagreement with the existing adjudication (audited; the readers' kappa counts it). */
export async function adjudicateDisagreement(
  _previous: DisagreementState,
  form: FormData,
): Promise<DisagreementState> {
  await requireRole(['ADMIN', 'DATA']);
  const imageId = String(form.get('imageId') ?? '').trim();
  const conceptCode =
    form
      .getAll('conceptCode')
      .map((value) => String(value).trim())
      .find(Boolean) ?? '';
  if (!imageId || !conceptCode) return { ok: false, message: 'Choose the diagnosis to adjudicate to.' };
  try {
    const { adjudicateAnnotation } = await queryApi(adjudicateMutation, {
      input: { imageId, conceptCode, note: 'Adjudicated a disagreement of second reads.' },
    });
    revalidatePath('/curation');
    return { ok: true, label: adjudicateAnnotation.concept.code };
  } catch (error) {
    if (!isApiError(error) || error.code === 'API_UNREACHABLE') throw error;
    return { ok: false, message: `${error.code}: ${error.message}` };
  }
}
