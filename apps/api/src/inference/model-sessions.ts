import {
  AppError,
  type DbClient,
  getModelVersionByAlias,
  getModelVersionById,
  isAppError,
  type ModelVersionRecord,
} from '@dermino/db';
import { type LoadedModel, loadModel } from './load-model.js';

export const CHAMPION = 'champion';
const MAX_LOADED = 4;

export interface ModelSessions {
  /** The champion's loaded model (reloaded when the alias has moved), or a named version. */
  get(options: { modelId?: string | null }): Promise<LoadedModel>;
  /** How many sessions are loaded (for tests and health). */
  loadedCount(): number;
  close(): Promise<void>;
}

/**
 * Model versions are immutable, so a session is loaded once per version and kept (up to 4, least recently
 * used evicted). The champion alias is looked up per request (one primary-key read), so a promotion takes
 * effect at the next prediction on every API instance.
 */
export function createModelSessions(
  db: DbClient,
  home: string,
  options: { onLoad?: (seconds: number, outcome: 'ok' | 'failed') => void } = {},
): ModelSessions {
  const loaded = new Map<string, Promise<LoadedModel>>();

  async function resolve(modelId?: string | null): Promise<ModelVersionRecord> {
    if (modelId) return getModelVersionById(db, { id: modelId });
    try {
      return await getModelVersionByAlias(db, { alias: CHAMPION });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'NOT_FOUND') throw error;
      throw new AppError('CONFLICT', {
        message:
          'There is no champion model yet: a manager must promote a classifier to "champion" (promoteModel) before predictions can be made.',
        details: { reason: 'NO_CHAMPION' },
      });
    }
  }

  function evict() {
    while (loaded.size > MAX_LOADED) {
      const [oldest, session] = loaded.entries().next().value as [string, Promise<LoadedModel>];
      loaded.delete(oldest);
      // Close after in-flight runs finish (close drains the batcher first).
      session.then((model) => model.session.close()).catch(() => {});
    }
  }

  return {
    async get({ modelId }) {
      const model = await resolve(modelId);
      let session = loaded.get(model.id);
      if (session) {
        loaded.delete(model.id);
      } else {
        const started = performance.now();
        session = loadModel(db, home, model);
        session.then(
          () => options.onLoad?.((performance.now() - started) / 1000, 'ok'),
          () => options.onLoad?.((performance.now() - started) / 1000, 'failed'),
        );
        // A failed load is not cached: the next request tries again (the file may have been fixed).
        session.catch(() => loaded.delete(model.id));
      }
      loaded.set(model.id, session);
      evict();
      return session;
    },
    loadedCount: () => loaded.size,
    async close() {
      const all = [...loaded.values()];
      loaded.clear();
      await Promise.all(all.map((session) => session.then((model) => model.session.close()).catch(() => {})));
    },
  };
}
