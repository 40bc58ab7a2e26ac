/** Redis storage of carts: one hash per owner, lines as JSON, written only through atomic scripts. */
import type { Redis } from "ioredis";
import { z } from "zod";
import { ADD_LINE, MERGE, REMOVE_LINE, SET_QUANTITY } from "./cart.scripts.js";

export const StoredLine = z.object({
  productId: z.string(),
  optionId: z.string().nullable(),
  quantity: z.number().int(),
  priceWhenAdded: z.number().int(),
  /** Name when added, shown if the product later disappears from the catalogue. */
  name: z.string().nullable(),
  addedAt: z.string(),
});
export type StoredLine = z.infer<typeof StoredLine>;

export interface StoredCart {
  lines: Array<StoredLine & { lineId: string }>;
  updatedAt: string | null;
}

export type WriteStatus = "OK" | "LINES" | "QUANTITY" | "STOCK" | "MISSING";
export interface WriteResult {
  status: WriteStatus;
  /** The line's quantity after (OK) or before (refused) the write; the line count for LINES. */
  value: number;
  /** The write made a new cart (its first line). */
  created: boolean;
}

export interface MergeSummary {
  merged: string[];
  capped: string[];
  dropped: string[];
}

export type CartStore = ReturnType<typeof createCartStore>;

const SCRIPTS = {
  cartAdd: ADD_LINE,
  cartSet: SET_QUANTITY,
  cartRemove: REMOVE_LINE,
  cartMerge: MERGE,
};
type ScriptName = keyof typeof SCRIPTS;
type Scripted = Redis & Record<ScriptName, (...args: Array<string | number>) => Promise<unknown>>;

export function createCartStore(redis: Redis, prefix: string) {
  for (const [name, lua] of Object.entries(SCRIPTS)) {
    if (!(name in redis))
      redis.defineCommand(name, { lua, numberOfKeys: name === "cartMerge" ? 3 : 1 });
  }
  const r = redis as Scripted;
  const cartKey = (ownerId: string) => `${prefix}cart:${ownerId}`;
  const markerKey = (guestId: string) => `${prefix}cart-merged:${guestId}`;
  const now = () => new Date().toISOString();
  const asWrite = (raw: unknown): WriteResult => {
    const [status, value, added] = raw as [WriteStatus, number, number | undefined];
    return { status, value: Number(value), created: Number(added) === 2 };
  };

  return {
    cartKey,
    async read(ownerId: string): Promise<StoredCart> {
      return parseCart(await redis.hgetall(cartKey(ownerId)));
    },
    async add(
      ownerId: string,
      lineId: string,
      line: StoredLine,
      limits: { maxLines: number; maxQuantity: number; stock: number; ttl: number },
    ) {
      const raw = await r.cartAdd(
        cartKey(ownerId),
        lineId,
        JSON.stringify(line),
        line.quantity,
        limits.maxLines,
        limits.maxQuantity,
        limits.stock,
        limits.ttl,
        now(),
      );
      return asWrite(raw);
    },
    async setQuantity(
      ownerId: string,
      lineId: string,
      quantity: number,
      limits: { maxQuantity: number; stock: number; ttl: number },
    ) {
      const raw = await r.cartSet(
        cartKey(ownerId),
        lineId,
        quantity,
        limits.maxQuantity,
        limits.stock,
        limits.ttl,
        now(),
      );
      return asWrite(raw);
    },
    async remove(ownerId: string, lineId: string, ttl: number): Promise<boolean> {
      return Number(await r.cartRemove(cartKey(ownerId), lineId, ttl, now())) === 1;
    },
    async clear(ownerId: string): Promise<void> {
      await redis.del(cartKey(ownerId));
    },
    /** Moves a guest cart into a member cart atomically; no summary when there was nothing to merge. */
    merge: (guestId: string, memberId: string, caps: Record<string, number>, limits: MergeLimits) =>
      mergeCarts(
        r,
        { guest: cartKey(guestId), member: cartKey(memberId), marker: markerKey(guestId) },
        memberId,
        caps,
        limits,
      ),
  };
}

/** Lines oldest first; a line that no longer parses is skipped rather than failing the cart. */
function parseCart(hash: Record<string, string>): StoredCart {
  const lines: StoredCart["lines"] = [];
  for (const [field, value] of Object.entries(hash)) {
    if (!field.startsWith("line:")) continue;
    const parsed = StoredLine.safeParse(parseJson(value));
    if (parsed.success) lines.push({ lineId: field.slice(5), ...parsed.data });
  }
  lines.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.lineId.localeCompare(b.lineId));
  return { lines, updatedAt: hash.updatedAt ?? null };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface MergeLimits {
  maxLines: number;
  maxQuantity: number;
  ttl: number;
  markerTtl: number;
}

async function mergeCarts(
  r: Scripted,
  keys: { guest: string; member: string; marker: string },
  memberId: string,
  caps: Record<string, number>,
  limits: MergeLimits,
): Promise<{ summary?: MergeSummary; mergedInto: string | null }> {
  const raw = (await r.cartMerge(
    keys.guest,
    keys.member,
    keys.marker,
    JSON.stringify(caps),
    limits.maxLines,
    limits.maxQuantity,
    limits.ttl,
    new Date().toISOString(),
    memberId,
    limits.markerTtl,
  )) as [string, string];
  if (raw[0] === "EMPTY") return { mergedInto: raw[1] || null };
  const decoded = JSON.parse(raw[1]) as Record<string, unknown>;
  // cjson encodes an empty Lua table as {}, not [].
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
  return {
    summary: {
      merged: list(decoded.merged),
      capped: list(decoded.capped),
      dropped: list(decoded.dropped),
    },
    mergedInto: memberId,
  };
}
