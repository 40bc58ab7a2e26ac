/** First-party client authentication for the token-minting routes: `Authorization: Basic <id>:<key>`. */
import { AUTH_CLIENT_IDS } from "@shop/contracts";
import { AppError, safeEqual } from "@shop/platform";

/** Returns the client id, or throws AUTH_CLIENT_INVALID (401) for a missing, unknown or wrong key. */
export function requireClient(authorization: string | undefined, clientKey: string): string {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization?.trim() ?? "");
  const decoded = match?.[1] ? Buffer.from(match[1], "base64").toString("utf8") : "";
  const colon = decoded.indexOf(":");
  const id = colon > 0 ? decoded.slice(0, colon) : "";
  const key = colon > 0 ? decoded.slice(colon + 1) : "";
  // Compare the key even for an unknown id, so both failures take the same time.
  const keyMatches = safeEqual(key, clientKey);
  if (!keyMatches || !(AUTH_CLIENT_IDS as readonly string[]).includes(id)) {
    throw new AppError(
      "AUTH_CLIENT_INVALID",
      "This route needs a first-party client key (Basic authentication)",
      {
        headers: { "www-authenticate": 'Basic realm="shop-auth"' },
      },
    );
  }
  return id;
}
