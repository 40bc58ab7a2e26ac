/**
 * The in-process tier: an LRU bounded by bytes in front of Redis. A hit is a Map lookup and
 * ready bytes, which is what lets one Bun process answer in nginx's class (toolchain.md).
 */
import type { CachedPage } from "./entry.js";
import type { PageStore } from "./store.js";

export interface MemoryTierOptions {
  /** Total bytes of pages kept (bodies plus gzip copies). */
  budgetBytes: number;
  /** Larger pages are not kept in memory (default budget / 8). */
  maxEntryBytes?: number;
}

export class MemoryTier implements PageStore {
  readonly name = "memory" as const;
  private readonly pages = new Map<string, CachedPage>();
  /** Size each page was accounted at (a gzip copy made later grows it through `grew`). */
  private readonly sizes = new WeakMap<CachedPage, number>();
  private bytes = 0;
  private readonly maxEntryBytes: number;

  constructor(private readonly options: MemoryTierOptions) {
    this.maxEntryBytes = options.maxEntryBytes ?? Math.floor(options.budgetBytes / 8);
  }

  /** Synchronous lookup for the hit path; refreshes the page's recency. */
  peek(key: string, now = Date.now()): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    if (page.state(now) === "expired") {
      this.remove(key, page);
      return undefined;
    }
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  async get(key: string): Promise<CachedPage | undefined> {
    return this.peek(key);
  }

  async set(page: CachedPage): Promise<void> {
    this.put(page);
  }

  put(page: CachedPage): void {
    const previous = this.pages.get(page.key);
    if (previous) this.remove(page.key, previous);
    if (page.size > this.maxEntryBytes) return;
    this.pages.set(page.key, page);
    this.sizes.set(page, page.size);
    this.bytes += page.size;
    this.evict();
  }

  /** Accounts for a gzip copy made after the page was stored. */
  grew(page: CachedPage): void {
    const accounted = this.sizes.get(page);
    if (accounted === undefined || this.pages.get(page.key) !== page) return;
    this.sizes.set(page, page.size);
    this.bytes += page.size - accounted;
    this.evict();
  }

  async delete(key: string): Promise<void> {
    this.drop(key);
  }

  drop(key: string): void {
    const page = this.pages.get(key);
    if (page) this.remove(key, page);
  }

  async purgeTags(tags: readonly string[]): Promise<string[]> {
    return this.purge(tags);
  }

  purge(tags: readonly string[]): string[] {
    const wanted = new Set(tags);
    const removed: string[] = [];
    for (const [key, page] of this.pages) {
      if (page.meta.tags.some((tag) => wanted.has(tag))) {
        this.remove(key, page);
        removed.push(key);
      }
    }
    return removed;
  }

  clear(): void {
    this.pages.clear();
    this.bytes = 0;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.pages.size, bytes: this.bytes };
  }

  private remove(key: string, page: CachedPage): void {
    this.pages.delete(key);
    this.bytes -= this.sizes.get(page) ?? page.size;
    this.sizes.delete(page);
  }

  private evict(): void {
    while (this.bytes > this.options.budgetBytes) {
      const oldest = this.pages.keys().next();
      if (oldest.done) break;
      this.drop(oldest.value);
    }
  }
}
