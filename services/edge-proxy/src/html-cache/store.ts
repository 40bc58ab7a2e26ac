/**
 * The one small interface both cache tiers implement (memory per process, Redis shared), so the
 * same test suite runs against both.
 */
import type { CachedPage } from "./entry.js";

export interface PageStore {
  readonly name: "memory" | "redis";
  /** The page under `key`, unless it is past every grace period. */
  get(key: string): Promise<CachedPage | undefined>;
  set(page: CachedPage): Promise<void>;
  delete(key: string): Promise<void>;
  /** Removes every page carrying one of `tags`; resolves to the removed keys. */
  purgeTags(tags: readonly string[]): Promise<string[]>;
}
