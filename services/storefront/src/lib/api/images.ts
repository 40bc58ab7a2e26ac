/** Product image files (`/images/<key>`, product service through the gateway), for Next's optimiser. */
import { config } from "@/config";

/** Keys are content hashes with an extension, possibly in folders; nothing else is fetched. */
const KEY = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

export function isImageKey(key: string): boolean {
  return KEY.test(key) && !key.includes("..");
}

/** The raw upstream answer (streamed through by the route handler); throws when unreachable. */
export function fetchImage(
  key: string,
  accept: string,
  requestId: string | null,
): Promise<Response> {
  return fetch(`${config().GATEWAY_URL}/images/${key}`, {
    headers: { accept, ...(requestId ? { "x-request-id": requestId } : {}) },
    cache: "no-store",
    signal: AbortSignal.timeout(8_000),
  });
}
