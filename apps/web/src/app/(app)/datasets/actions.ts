'use server';

import { revalidatePath } from 'next/cache';
import { isApiError } from '@/lib/api/graphql-request';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { freezeMutation } from '@/lib/datasets/dataset-queries';
import { type FreezeField, fieldOfFreezeError, parseFreezeForm } from '@/lib/datasets/freeze-form';

export type FreezeState =
  | { status: 'idle' }
  | { status: 'error'; field: FreezeField; message: string }
  | { status: 'frozen'; versionId: string; name: string; version: number; images: number; ties: number };

/** Freezes a version from the form's filter; the API's refusals come back naming the field they are about. */
export async function freezeVersion(_previous: FreezeState, form: FormData): Promise<FreezeState> {
  await requireRole(['ADMIN', 'DATA']);
  const parsed = parseFreezeForm(form);
  if (!parsed.ok) return { status: 'error', field: parsed.field, message: parsed.message };
  try {
    const { freezeDatasetVersion: frozen } = await queryApi(freezeMutation, { input: parsed.input });
    revalidatePath('/datasets');
    return {
      status: 'frozen',
      versionId: frozen.versionId,
      name: parsed.input.name,
      version: frozen.version,
      images: frozen.images,
      ties: frozen.ties,
    };
  } catch (error) {
    if (
      isApiError(error, 'BAD_USER_INPUT') ||
      isApiError(error, 'BAD_INPUT') ||
      isApiError(error, 'NOT_FOUND')
    ) {
      return { status: 'error', field: fieldOfFreezeError(error.message), message: error.message };
    }
    throw error;
  }
}
