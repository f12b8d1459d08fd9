'use server';

import { isApiError } from '@/lib/api/graphql-request';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import {
  explainImageQuery,
  type LabellingTaskFields,
  labellingQueueQuery,
  submitLabelMutation,
  undoLabelMutation,
} from '@/lib/labelling/labelling-queries';
import { LABELLERS, type QueueRequest } from '@/lib/labelling/queue-request';
import type { Outcome } from '@/lib/labelling/workbench-state';

type Result<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

const OUTCOMES: readonly Outcome[] = ['LABELLED', 'UNSURE', 'SKIPPED'];

// The API's refusals (unknown code, already answered, stale cursor) become messages on the page; the rest crash.
async function settle<T>(work: Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    if (isApiError(error) && error.code !== 'API_UNREACHABLE') {
      return { ok: false, code: error.code, message: error.message };
    }
    throw error;
  }
}

export interface LabelInput {
  imageId: string;
  outcome: Outcome;
  code: string | null;
  suggestionShown: boolean;
}

/** Stores one answer; the API checks the image is the reader's and the code is in the taxonomy. */
export async function submitLabelAction(
  input: LabelInput,
): Promise<Result<{ suggestionAccepted: boolean | null }>> {
  await requireRole(LABELLERS);
  if (!OUTCOMES.includes(input.outcome)) throw new Error('Not a label outcome.');
  const result = await settle(
    queryApi(submitLabelMutation, {
      input: {
        imageId: String(input.imageId),
        outcome: input.outcome,
        code: input.code ? String(input.code) : null,
        suggestionShown: Boolean(input.suggestionShown),
      },
    }),
  );
  return result.ok
    ? { ok: true, value: { suggestionAccepted: result.value.submitLabel.suggestionAccepted ?? null } }
    : result;
}

export async function undoLabelAction(imageId: string): Promise<Result<null>> {
  await requireRole(LABELLERS);
  const result = await settle(queryApi(undoLabelMutation, { input: { imageId: String(imageId) } }));
  return result.ok ? { ok: true, value: null } : result;
}

export interface QueuePage {
  tasks: LabellingTaskFields[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** The next page of the reader's current queue (the same batch: nothing served before is released). */
export async function loadQueuePage(request: QueueRequest, after: string): Promise<Result<QueuePage>> {
  await requireRole(LABELLERS);
  const result = await settle(
    queryApi(labellingQueueQuery, {
      first: request.pageSize,
      after: String(after),
      strategy: request.strategy,
      filter: request.filter,
    }),
  );
  if (!result.ok) return result;
  const { edges, pageInfo } = result.value.labellingQueue;
  return {
    ok: true,
    value: {
      tasks: edges.map((edge) => edge.node),
      hasNextPage: pageInfo.hasNextPage,
      endCursor: pageInfo.endCursor ?? null,
    },
  };
}

export interface ImageExplanation {
  method: string;
  gridSize: number;
  values: number[];
}

/** The champion's explanation map of a registry image (null when the model gives none). */
export async function explainImageAction(imageId: string): Promise<Result<ImageExplanation | null>> {
  await requireRole(LABELLERS);
  const result = await settle(queryApi(explainImageQuery, { imageId: String(imageId) }));
  return result.ok ? { ok: true, value: result.value.predict.explanation ?? null } : result;
}
