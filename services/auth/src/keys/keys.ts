/**
 * Signing keys: Ed25519 JWKs, newest first. The first signs; every key still needed to verify
 * unexpired tokens is published in the JWKS. Production reads them from AUTH_SIGNING_KEYS;
 * development generates one on first start and keeps it in KEY_DIR (git-ignored).
 */
import { ConfigError } from "@shop/platform";
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from "jose";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A stored private key: a JWK plus when it was created (epoch seconds). */
export type StoredKey = JWK & { kid: string; d: string; x: string; iat?: number };

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

export interface KeyStore {
  signing: SigningKey;
  /** Public keys to publish, signing key first. */
  jwks: { keys: JWK[] };
}

const FILE = "signing-keys.json";

/** Generates a new Ed25519 key as a stored JWK with a thumbprint `kid`. */
export async function generateStoredKey(): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x } as JWK);
  return { ...jwk, kid, iat: Math.floor(Date.now() / 1000) } as StoredKey;
}

/** Parses a JWK set (or a bare array) of Ed25519 private keys; names the variable on error. */
export function parseKeySet(text: string, source: string): StoredKey[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError([
      `${source}: not valid JSON (expected {"keys":[<Ed25519 private JWK>, …]})`,
    ]);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(list) || list.length === 0) throw new ConfigError([`${source}: no keys`]);
  return list.map((key: Partial<StoredKey>, index) => {
    if (
      key.kty !== "OKP" ||
      key.crv !== "Ed25519" ||
      typeof key.d !== "string" ||
      typeof key.x !== "string"
    ) {
      throw new ConfigError([
        `${source}: key ${index} is not an Ed25519 private JWK (kty OKP, crv Ed25519, d, x)`,
      ]);
    }
    return { ...key, kid: key.kid ?? `key-${index}` } as StoredKey;
  });
}

/** Keys still needed: the newest, plus older ones until their successor is older than `retainSec`. */
export function keysToPublish(
  keys: StoredKey[],
  retainSec: number,
  nowSec = Math.floor(Date.now() / 1000),
): StoredKey[] {
  return keys.filter((_, index) => {
    if (index === 0) return true;
    const successor = keys[index - 1];
    // A key without a creation time was configured by hand: keep it until an operator removes it.
    return successor?.iat === undefined || nowSec - successor.iat <= retainSec;
  });
}

async function toStore(keys: StoredKey[], retainSec: number): Promise<KeyStore> {
  const [newest] = keys;
  if (!newest) throw new ConfigError(["signing keys: none configured"]);
  const privateKey = (await importJWK({ ...newest, alg: "EdDSA" }, "EdDSA")) as CryptoKey;
  const jwks = keysToPublish(keys, retainSec).map(({ kty, crv, x, kid }) => ({
    kty,
    crv,
    x,
    kid,
    alg: "EdDSA",
    use: "sig",
  }));
  return { signing: { kid: newest.kid, privateKey }, jwks: { keys: jwks } };
}

/** Reads the development key file, creating it with a fresh key the first time. */
export async function readOrCreateKeyFile(dir: string): Promise<StoredKey[]> {
  const path = join(dir, FILE);
  try {
    return parseKeySet(readFileSync(path, "utf8"), path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keys = [await generateStoredKey()];
  try {
    // `wx`: two processes starting together must not both write; the loser reads the winner's key.
    writeFileSync(path, JSON.stringify({ keys }, null, 2), { mode: 0o600, flag: "wx" });
    return keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      return parseKeySet(readFileSync(path, "utf8"), path);
    throw error;
  }
}

/** Prepends a new signing key to the development key file and drops keys nobody can need. */
export async function rotateKeyFile(dir: string, retainSec: number): Promise<StoredKey[]> {
  const current = await readOrCreateKeyFile(dir);
  const keys = keysToPublish([await generateStoredKey(), ...current], retainSec);
  const path = join(dir, FILE);
  const temp = join(dir, `.${FILE}.${randomUUID()}`);
  writeFileSync(temp, JSON.stringify({ keys }, null, 2), { mode: 0o600 });
  renameSync(temp, path);
  return keys;
}

/**
 * Loads the key store. `retainSec` is how long a replaced key must still verify tokens: the
 * longest access-token lifetime plus clock skew.
 */
export async function loadKeyStore(options: {
  signingKeys?: string | undefined;
  keyDir: string;
  retainSec: number;
}): Promise<KeyStore> {
  const keys = options.signingKeys
    ? parseKeySet(options.signingKeys, "AUTH_SIGNING_KEYS")
    : await readOrCreateKeyFile(options.keyDir);
  return toStore(keys, options.retainSec);
}
