/**
 * Password policy and hashing: argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane), 8–128
 * characters, not on the committed list of common passwords, not the member's email or name.
 */
import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { AppError } from "@shop/platform";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// The library's default algorithm is argon2id (asserted by passwords.test.ts through the hash prefix).
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const common = new Set(
  readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
    .split("\n")
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith("#")),
);

/** Throws PASSWORD_TOO_WEAK (with a field error on `field`) when the password breaks the policy. */
export function assertStrongPassword(
  password: string,
  context: { email?: string; name?: string } = {},
  field = "password",
): void {
  const lowered = password.toLowerCase();
  let problem: string | undefined;
  if (password.length < PASSWORD_MIN) problem = `Use at least ${PASSWORD_MIN} characters`;
  else if (password.length > PASSWORD_MAX) problem = `Use at most ${PASSWORD_MAX} characters`;
  else if (common.has(lowered))
    problem = "This password is too common; choose one that is harder to guess";
  else if (new Set(lowered).size < 4) problem = "Use more different characters";
  else if (isPersonal(lowered, context))
    problem = "Do not use your email address or name as the password";
  if (problem)
    throw new AppError("PASSWORD_TOO_WEAK", problem, { errors: [{ field, message: problem }] });
}

function isPersonal(lowered: string, context: { email?: string; name?: string }): boolean {
  const email = context.email?.toLowerCase();
  const local = email?.split("@")[0];
  const name = context.name?.toLowerCase().replace(/\s+/g, "");
  return (
    lowered === email ||
    (local !== undefined && local.length >= 4 && lowered === local) ||
    lowered === name
  );
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Checked when an email is unknown, so that answer costs as long as a wrong password does.
let dummyHash: Promise<string> | undefined;

/** Spends the same time as verifying a real hash, then answers false. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(await dummyHash, password);
  return false;
}
