/**
 * The response-cache store interface with two implementations: `memory-store.ts` (the bounded
 * in-process tier) and `redis-store.ts` (the tier shared by every gateway process). One test
 * suite (store.test.ts) runs against both.
 */
import type { CachedEntry } from "./entry.js";

export interface CacheStore {
  get(key: string): Promise<CachedEntry | undefined>;
  /** Stores an entry for `retainMs` and indexes it under its tags. */
  set(key: string, entry: CachedEntry, retainMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Deletes every entry carrying one of `tags`; resolves with how many were removed. */
  purgeTags(tags: string[]): Promise<number>;
}
