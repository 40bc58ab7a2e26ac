/** A cached upstream answer, kept as ready bytes, and its binary encoding for Redis. */

export interface CachedEntry {
  status: number;
  /** Flat [name, value, …] upstream headers without hop-by-hop headers and Content-Length. */
  headers: string[];
  body: Buffer;
  /** When the answer was fetched (epoch ms). */
  storedAt: number;
  ttlMs: number;
  staleWhileRevalidateMs: number;
  staleIfErrorMs: number;
  /** Purge tags (route id, and route id + param value). */
  tags: string[];
}

/** How long an entry is kept at all: fresh time plus the longer of its stale windows. */
export function retentionMs(
  entry: Pick<CachedEntry, "ttlMs" | "staleWhileRevalidateMs" | "staleIfErrorMs">,
): number {
  return entry.ttlMs + Math.max(entry.staleWhileRevalidateMs, entry.staleIfErrorMs);
}

export function ageMs(entry: CachedEntry, now = Date.now()): number {
  return Math.max(0, now - entry.storedAt);
}

/** Layout: 4-byte big-endian meta length, meta JSON, body bytes. */
export function encodeEntry(entry: CachedEntry): Buffer {
  const { body, ...meta } = entry;
  const json = Buffer.from(JSON.stringify(meta));
  const head = Buffer.allocUnsafe(4);
  head.writeUInt32BE(json.length, 0);
  return Buffer.concat([head, json, body]);
}

export function decodeEntry(data: Buffer): CachedEntry | undefined {
  if (data.length < 4) return undefined;
  const length = data.readUInt32BE(0);
  if (data.length < 4 + length) return undefined;
  try {
    const meta = JSON.parse(data.subarray(4, 4 + length).toString("utf8")) as Omit<
      CachedEntry,
      "body"
    >;
    if (
      typeof meta.status !== "number" ||
      !Array.isArray(meta.headers) ||
      typeof meta.storedAt !== "number"
    )
      return undefined;
    return { ...meta, body: data.subarray(4 + length) };
  } catch {
    return undefined;
  }
}
