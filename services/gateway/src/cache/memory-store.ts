/** The in-process cache tier: an LRU bounded by entry count and total body bytes. */
import type { CachedEntry } from "./entry.js";
import type { CacheStore } from "./store.js";

interface Slot {
  entry: CachedEntry;
  expiresAt: number;
  bytes: number;
}

export class MemoryStore implements CacheStore {
  private readonly slots = new Map<string, Slot>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 2_000,
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly now: () => number = Date.now,
  ) {}

  /** Synchronous lookup for the hot path; refreshes the entry's LRU position. */
  peek(key: string): CachedEntry | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    if (slot.expiresAt <= this.now()) {
      this.remove(key, slot);
      return undefined;
    }
    this.slots.delete(key);
    this.slots.set(key, slot);
    return slot.entry;
  }

  put(key: string, entry: CachedEntry, retainMs: number): void {
    const bytes = entry.body.length + 256;
    if (this.maxEntries === 0 || bytes > this.maxBytes) return;
    const existing = this.slots.get(key);
    if (existing) this.remove(key, existing);
    this.slots.set(key, { entry, expiresAt: this.now() + retainMs, bytes });
    this.bytes += bytes;
    for (const [oldKey, slot] of this.slots) {
      if (this.slots.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.remove(oldKey, slot);
    }
  }

  remove(key: string, slot = this.slots.get(key)): void {
    if (!slot) return;
    this.slots.delete(key);
    this.bytes -= slot.bytes;
  }

  clear(): void {
    this.slots.clear();
    this.bytes = 0;
  }

  purge(tags: string[]): number {
    const wanted = new Set(tags);
    let removed = 0;
    for (const [key, slot] of this.slots) {
      if (slot.entry.tags.some((tag) => wanted.has(tag))) {
        this.remove(key, slot);
        removed++;
      }
    }
    return removed;
  }

  get size(): number {
    return this.slots.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  async get(key: string) {
    return this.peek(key);
  }

  async set(key: string, entry: CachedEntry, retainMs: number) {
    this.put(key, entry, retainMs);
  }

  async delete(key: string) {
    this.remove(key);
  }

  async purgeTags(tags: string[]) {
    return this.purge(tags);
  }
}
