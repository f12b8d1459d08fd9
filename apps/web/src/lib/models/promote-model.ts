'use server';

import { revalidatePath } from 'next/cache';
import { graphql } from '@/gql';
import { isApiError } from '@/lib/api/graphql-request';
import { queryApi } from '@/lib/api/query-api';

export interface PromoteState {
  ok?: string;
  error?: string;
}

const promoteMutation = graphql(
  `mutation PromoteModel($input: PromoteModelInput!) { promoteModel(input: $input) { id name } }`,
);

/** Moves an alias to a model through the API (which checks the role and audits it); its error is shown as is. */
export async function promoteModel(_previous: PromoteState, formData: FormData): Promise<PromoteState> {
  const modelId = String(formData.get('modelId') ?? '');
  const alias = String(formData.get('alias') ?? '').trim();
  if (!modelId || !alias) return { error: 'Choose a model and an alias.' };
  try {
    const { promoteModel: model } = await queryApi(promoteMutation, { input: { modelId, alias } });
    revalidatePath('/', 'layout');
    return { ok: `${model.name} is now ${alias}.` };
  } catch (error) {
    if (isApiError(error)) return { error: error.message };
    throw error;
  }
}
