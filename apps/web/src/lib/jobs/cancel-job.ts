'use server';

import { revalidatePath } from 'next/cache';
import { isApiError } from '@/lib/api/graphql-request';
import { queryApi } from '@/lib/api/query-api';
import { cancelJobMutation } from './job-queries';

export interface CancelState {
  error?: string;
}

/** Cancels through the API (a running job stops at its next progress write); its refusal is shown as is. */
export async function cancelJob(_previous: CancelState, formData: FormData): Promise<CancelState> {
  const id = String(formData.get('jobId') ?? '');
  if (!id) return { error: 'No job given.' };
  try {
    await queryApi(cancelJobMutation, { id });
  } catch (error) {
    if (isApiError(error)) return { error: error.message };
    throw error;
  }
  revalidatePath('/jobs');
  return {};
}
