import type { PersistedQueryOptions } from '@apollo/server';
import type { PersistedManifest } from './persisted-manifest.js';

type QueryCache = NonNullable<PersistedQueryOptions['cache']>;

/** Bounds what other clients may register through APQ (characters of operation text, all entries together). */
const REGISTERED_MAX_CHARS = 8_000_000;

/**
 * Apollo's APQ store: the manifest's operations always answer; other clients' operations, registered by sending
 * text and hash once, are kept in memory, oldest dropped first past REGISTERED_MAX_CHARS.
 * Apollo prefixes keys (`apq:<hash>`); the hash is what follows the last colon.
 */
export function createPersistedQueryCache(manifest: PersistedManifest): QueryCache {
  const registered = new Map<string, string>();
  let registeredChars = 0;
  const hashOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);
  return {
    async get(key) {
      const hash = hashOf(key);
      return manifest.get(hash) ?? registered.get(hash);
    },
    async set(key, text) {
      const hash = hashOf(key);
      if (manifest.has(hash) || registered.has(hash) || text.length > REGISTERED_MAX_CHARS) return;
      registered.set(hash, text);
      registeredChars += text.length;
      for (const [oldHash, oldText] of registered) {
        if (registeredChars <= REGISTERED_MAX_CHARS) break;
        registered.delete(oldHash);
        registeredChars -= oldText.length;
      }
    },
    async delete(key) {
      const hash = hashOf(key);
      const text = registered.get(hash);
      if (text !== undefined) registeredChars -= text.length;
      return registered.delete(hash);
    },
  };
}
