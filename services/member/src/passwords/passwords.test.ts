import { AppError } from "@shop/platform";
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  assertStrongPassword,
  hashPassword,
  verifyAgainstDummy,
  verifyPassword,
} from "./passwords.js";

const weakness = (password: string, context = {}) => {
  try {
    assertStrongPassword(password, context);
    return undefined;
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, "PASSWORD_TOO_WEAK");
    assert.equal(error.errors?.[0]?.field, "password");
    return error.message;
  }
};

test("the policy refuses short, long, common, repetitive and personal passwords", () => {
  assert.match(weakness("abc1234")!, /at least 8/);
  assert.match(weakness("x".repeat(64) + "y".repeat(65))!, /at most 128/);
  assert.match(weakness("Password123")!, /too common/);
  assert.match(weakness("1Q2W3E4R")!, /too common/);
  assert.match(weakness("aaaaaaaaaaaa")!, /different characters/);
  assert.match(weakness("minji.kim", { email: "minji.kim@example.com" })!, /email address or name/);
  assert.equal(weakness("shop-admin-2026"), undefined);
  assert.equal(weakness("correct horse battery staple"), undefined);
});

test("hashes are argon2id, salted, and verify only the right password", async () => {
  const first = await hashPassword("correct-horse-42");
  const second = await hashPassword("correct-horse-42");
  assert.match(first, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.notEqual(first, second);
  assert.equal(await verifyPassword(first, "correct-horse-42"), true);
  assert.equal(await verifyPassword(first, "correct-horse-43"), false);
  assert.equal(await verifyPassword("not a hash", "anything"), false);
  assert.equal(await verifyAgainstDummy("anything"), false);
});
