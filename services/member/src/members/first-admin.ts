/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD at start, never touching an existing account. */
import { ConfigError, isErrorCode, type Logger } from "@shop/platform";
import { AppError } from "@shop/platform";
import { assertStrongPassword, hashPassword } from "../passwords/passwords.js";
import type { MemberStore } from "./members.store.js";

export type FirstAdminResult = "created" | "exists";

export async function ensureFirstAdmin(
  store: MemberStore,
  admin: { email: string; password: string },
  logger: Logger,
): Promise<FirstAdminResult> {
  const email = admin.email.trim().toLowerCase();
  const existing = await store.findByEmail(email);
  if (existing) {
    if (existing.role !== "admin")
      logger.warn({ email }, "ADMIN_EMAIL belongs to a member who is not an admin; left unchanged");
    return "exists";
  }
  try {
    assertStrongPassword(admin.password, { email, name: "Administrator" }, "ADMIN_PASSWORD");
  } catch (error) {
    throw new ConfigError([`ADMIN_PASSWORD: ${(error as Error).message}`]);
  }
  try {
    await store.insert({
      email,
      passwordHash: await hashPassword(admin.password),
      name: "Administrator",
      role: "admin",
    });
  } catch (error) {
    // Another instance created it a moment ago.
    if (error instanceof AppError && isErrorCode(error.code) && error.code === "MEMBER_EMAIL_TAKEN")
      return "exists";
    throw error;
  }
  logger.info({ email }, "first admin created");
  return "created";
}
