import type { Metadata } from 'next';
import Link from 'next/link';
import { isApiError } from '@/lib/api/graphql-request';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { labellingQueueQuery, labellingWorkbenchQuery } from '@/lib/labelling/labelling-queries';
import { LABELLERS, parseQueueSearch, type QueueRequest } from '@/lib/labelling/queue-request';
import { LabelWorkbench } from './label-workbench';

export const metadata: Metadata = { title: 'Label' };

// Asking for the queue without a cursor starts a new batch: the reader's unanswered reservations go back to others.
async function firstPage(request: QueueRequest) {
  const variables = { first: request.pageSize, strategy: request.strategy, filter: request.filter };
  try {
    return { request, notice: null, data: await queryApi(labellingQueueQuery, variables) };
  } catch (error) {
    // No champion (or one without a classifier): the images still need labels, in random order, unranked.
    if (!isApiError(error, 'CONFLICT') || request.strategy === 'RANDOM') throw error;
    const random = { ...request, strategy: 'RANDOM' as const };
    const data = await queryApi(labellingQueueQuery, { ...variables, strategy: 'RANDOM' });
    return { request: random, notice: `${error.message} Until then the queue is in random order.`, data };
  }
}

export default async function LabelPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireRole(LABELLERS);
  const params = await searchParams;
  const parsed = parseQueueSearch(params);
  if (!parsed.ok) {
    return (
      <p className="notice notice--alert" role="alert" data-testid="label-bad-url">
        {parsed.message}
      </p>
    );
  }
  const [{ labellingProgress, concepts }, queue] = await Promise.all([
    queryApi(labellingWorkbenchQuery, {}),
    firstPage(parsed.request),
  ]);
  const { edges, pageInfo } = queue.data.labellingQueue;
  // The same queue with the suggestion shown or hidden (a new batch either way).
  const toggle = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (key !== 'blind') for (const one of [value ?? []].flat()) toggle.append(key, one);
  if (!parsed.request.blind) toggle.set('blind', '1');
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Label</h1>
          <p className="page-header__meta">
            Images picked for {user.name} by {queue.request.strategy.toLowerCase()}: the model's suggestion is
            a starting point, not the answer. Keys: 1-9 pick a suggestion, typing (or /) searches the
            taxonomy, u unsure, s skip, z undo, arrows move, Shift+H the heatmap.
          </p>
        </div>
        <Link
          className="button button--ghost"
          href={`/label?${toggle}`}
          prefetch={false}
          data-testid="blind-toggle"
        >
          {parsed.request.blind ? "Show the model's suggestion" : 'Read blind (hide the suggestion)'}
        </Link>
      </div>
      {queue.notice ? (
        <p className="notice" data-testid="label-notice">
          {queue.notice}
        </p>
      ) : null}
      <LabelWorkbench
        request={queue.request}
        initialTasks={edges.map((edge) => edge.node)}
        initialCursor={pageInfo.hasNextPage ? (pageInfo.endCursor ?? null) : null}
        labelledToday={labellingProgress.labelled}
        concepts={concepts.map((concept) => ({ code: concept.code, name: concept.name }))}
      />
    </>
  );
}
