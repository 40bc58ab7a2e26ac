/**
 * Hand-made access tokens for the negative tests: `alg: none`, a tampered payload, and tokens
 * signed with the stack's real development key (kept by auth under `<stack data>/keys`) but
 * expired or for another audience — so the only thing wrong with each is the thing under test.
 */
import { createPrivateKey, randomUUID, sign, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { stack } from "../../harness.js";

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
}

let cached: { kid: string; key: KeyObject } | undefined;

/** The signing key auth of this stack uses (development key file; the newest key signs). */
function stackSigningKey(): { kid: string; key: KeyObject } {
  if (cached) return cached;
  const file = join(dirname(stack().logDir), "keys", "signing-keys.json");
  const { keys } = JSON.parse(readFileSync(file, "utf8")) as {
    keys: Array<Record<string, string> & { kid: string }>;
  };
  const newest = keys[0];
  if (!newest) throw new Error(`no signing key in ${file}`);
  cached = { kid: newest.kid, key: createPrivateKey({ key: newest, format: "jwk" }) };
  return cached;
}

/** Signs `claims` with the stack's real Ed25519 key, as auth would (EdDSA, its kid). */
export function signWithStackKey(claims: Record<string, unknown>): string {
  const { kid, key } = stackSigningKey();
  const input = `${b64url({ alg: "EdDSA", kid, typ: "JWT" })}.${b64url(claims)}`;
  return `${input}.${sign(null, Buffer.from(input), key).toString("base64url")}`;
}

/** Claims like a real token of `sub`, overridden by `changes` (e.g. `{ aud: "other" }`). */
export function claimsLike(
  template: string,
  changes: Record<string, unknown> = {},
): Record<string, unknown> {
  return { ...decodePayload(template), jti: randomUUID(), ...changes };
}

/** The same header and signature, with `changes` written into the payload. */
export function tampered(token: string, changes: Record<string, unknown>): string {
  const [header, , signature] = token.split(".");
  return `${header}.${b64url({ ...decodePayload(token), ...changes })}.${signature}`;
}

/** An unsigned token (`alg: none`) with the claims of `template`. */
export function unsigned(template: string): string {
  return `${b64url({ alg: "none", typ: "JWT" })}.${b64url(decodePayload(template))}.`;
}

/** An expired token of the same subject and session, correctly signed. */
export function expiredLike(template: string, secondsAgo = 600): string {
  const now = Math.floor(Date.now() / 1000);
  return signWithStackKey(
    claimsLike(template, { iat: now - secondsAgo - 600, exp: now - secondsAgo }),
  );
}
