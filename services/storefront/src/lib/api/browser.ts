/**
 * The browser's transport: same-origin `/api/...` through the edge proxy, which turns the
 * httpOnly session cookie into a Bearer token, refreshes it and issues guest sessions.
 */
import type { Transport } from "./http";

export const browserTransport: Transport = (path, init) =>
  fetch(path, { ...init, credentials: "same-origin", cache: "no-store" });
