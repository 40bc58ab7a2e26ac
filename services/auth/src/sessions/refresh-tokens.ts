/**
 * Refresh tokens: 256 random bits, stored only as SHA-256. For the two-tabs grace window the
 * successor of a rotated token is kept sealed with a key derived from the old token itself, so
 * only a caller who presents that old token can read it.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

export function newRefreshToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function sealingKey(oldToken: string): Buffer {
  return Buffer.from(hkdfSync("sha256", oldToken, "", "shop-auth refresh successor", 32));
}

/** Encrypts `successor` under a key only `oldToken` yields (AES-256-GCM). */
export function sealSuccessor(successor: string, oldToken: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(oldToken), iv);
  const body = Buffer.concat([cipher.update(successor, "utf8"), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((part) => part.toString("base64url")).join(".");
}

/** Decrypts a sealed successor, or undefined when it does not open with `oldToken`. */
export function openSuccessor(sealed: string, oldToken: string): string | undefined {
  const [iv, body, tag] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !body || !tag) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(oldToken), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}
