// Which model the embedding map opens on: the one asked for, else the champion, else the newest backbone.

import type { ModelKind } from '@/gql/graphql';

export interface PickableModel {
  id: string;
  kind: ModelKind;
  aliases: string[];
}

/** `models` newest first (as the API lists them). Null when there is none. */
export function pickModel<T extends PickableModel>(
  models: readonly T[],
  requested: string | undefined,
): T | null {
  return (
    models.find((model) => model.id === requested) ??
    models.find((model) => model.aliases.includes('champion')) ??
    models.find((model) => model.kind === 'BACKBONE') ??
    models[0] ??
    null
  );
}
