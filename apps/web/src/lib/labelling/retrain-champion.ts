'use server';

import { revalidatePath } from 'next/cache';
import { graphql } from '@/gql';
import { isApiError } from '@/lib/api/graphql-request';
import { queryApi } from '@/lib/api/query-api';

export interface RetrainState {
  ok?: string;
  error?: string;
  finetuneJobId?: string;
}

const retrainMutation = graphql(`
  mutation RetrainChampion($championId: ID) {
    retrainChampion(championId: $championId) { datasetVersionId finetuneJobId evaluateJobId labels }
  }
`);

/** Retrains the champion's head on every label so far (the API checks the role and audits it); refusals shown as is. */
export async function retrainChampion(_previous: RetrainState, formData: FormData): Promise<RetrainState> {
  // The champion the page showed: the API refuses when it has changed since.
  const championId = String(formData.get('championId') ?? '') || null;
  try {
    const { retrainChampion: started } = await queryApi(retrainMutation, { championId });
    revalidatePath('/', 'layout');
    return {
      ok: `Retraining on ${started.labels.toLocaleString('en')} new label${started.labels === 1 ? '' : 's'}: a new head and its evaluation are queued.`,
      finetuneJobId: started.finetuneJobId,
    };
  } catch (error) {
    if (isApiError(error)) return { error: error.message };
    throw error;
  }
}
