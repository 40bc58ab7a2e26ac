import { ConfigError } from "@shop/platform";
import { createLocalJWKSet, jwtVerify, SignJWT } from "jose";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { readConfig } from "../config.js";
import {
  generateStoredKey,
  keysToPublish,
  loadKeyStore,
  parseKeySet,
  readOrCreateKeyFile,
  rotateKeyFile,
} from "./keys.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "auth-keys-test-"));
  dirs.push(dir);
  return dir;
};
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

test("development generates one key on first start, keeps it private and reuses it", async () => {
  const dir = join(tempDir(), "nested", "keys");
  const [first, second] = await Promise.all([readOrCreateKeyFile(dir), readOrCreateKeyFile(dir)]);
  assert.equal(first[0]?.kid, second[0]?.kid);
  const again = await loadKeyStore({ keyDir: dir, retainSec: 660 });
  assert.equal(again.signing.kid, first[0]?.kid);
  assert.equal(statSync(join(dir, "signing-keys.json")).mode & 0o777, 0o600);
  assert.equal(again.jwks.keys.length, 1);
  for (const key of again.jwks.keys) {
    assert.equal(key.d, undefined);
    assert.deepEqual([key.kty, key.crv, key.alg, key.use], ["OKP", "Ed25519", "EdDSA", "sig"]);
  }
});

test("rotation signs with the new key and keeps the old public key until its tokens have expired", async () => {
  const dir = tempDir();
  const before = await loadKeyStore({ keyDir: dir, retainSec: 660 });
  const oldToken = await new SignJWT({ sid: "s" })
    .setProtectedHeader({ alg: "EdDSA", kid: before.signing.kid })
    .setExpirationTime("10m")
    .sign(before.signing.privateKey);

  const rotated = await rotateKeyFile(dir, 660);
  const after = await loadKeyStore({ keyDir: dir, retainSec: 660 });
  assert.notEqual(after.signing.kid, before.signing.kid);
  assert.deepEqual(
    after.jwks.keys.map((k) => k.kid),
    [after.signing.kid, before.signing.kid],
  );
  await jwtVerify(oldToken, createLocalJWKSet(after.jwks), { algorithms: ["EdDSA"] });

  // Once the new key is older than the longest token lifetime, the old one is no longer needed.
  const later = Math.floor(Date.now() / 1000) + 661;
  assert.deepEqual(
    keysToPublish(rotated, 660, later).map((k) => k.kid),
    [after.signing.kid],
  );
  assert.equal(JSON.parse(readFileSync(join(dir, "signing-keys.json"), "utf8")).keys.length, 2);
});

test("production keys come from AUTH_SIGNING_KEYS, newest first, and bad values name the variable", async () => {
  const [newest, older] = [await generateStoredKey(), await generateStoredKey()];
  const store = await loadKeyStore({
    signingKeys: JSON.stringify({ keys: [newest, older] }),
    keyDir: "/nonexistent",
    retainSec: 660,
  });
  assert.equal(store.signing.kid, newest.kid);
  assert.deepEqual(
    store.jwks.keys.map((k) => k.kid),
    [newest.kid, older.kid],
  );
  for (const bad of [
    "not json",
    "{}",
    '{"keys":[{"kty":"EC","crv":"P-256"}]}',
    JSON.stringify([{ ...newest, d: undefined }]),
  ]) {
    assert.throws(
      () => parseKeySet(bad, "AUTH_SIGNING_KEYS"),
      (error: unknown) => error instanceof ConfigError && /AUTH_SIGNING_KEYS/.test(error.message),
    );
  }
});

test("production refuses to start without signing keys, with a weak client key or long-lived tokens", () => {
  const strong = { INTERNAL_KEY: "i".repeat(40), AUTH_SIGNING_KEYS: "{}" };
  assert.throws(() => readConfig({ NODE_ENV: "production", ...strong }), /AUTH_CLIENT_KEY/);
  assert.throws(
    () => readConfig({ NODE_ENV: "production", ...strong, AUTH_CLIENT_KEY: "short-key" }),
    /AUTH_CLIENT_KEY: must be at least 32/,
  );
  assert.throws(
    () =>
      readConfig({
        NODE_ENV: "production",
        INTERNAL_KEY: "i".repeat(40),
        AUTH_CLIENT_KEY: "c".repeat(40),
      }),
    /AUTH_SIGNING_KEYS: required in production/,
  );
  assert.ok(readConfig({ NODE_ENV: "production", ...strong, AUTH_CLIENT_KEY: "c".repeat(40) }));
  assert.throws(() => readConfig({ ACCESS_TOKEN_TTL_SEC: "3600" }), /ACCESS_TOKEN_TTL_SEC/);
});
