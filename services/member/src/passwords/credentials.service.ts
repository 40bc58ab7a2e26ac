/** Credentials: the password change (current password required) and the check behind auth's login. */
import type { VerifiedCredentials } from "@shop/contracts";
import { AppError, type Identity } from "@shop/platform";
import type { SessionRevoker } from "../clients/auth.client.js";
import type { MemberStore } from "../members/members.store.js";
import {
  assertStrongPassword,
  hashPassword,
  verifyAgainstDummy,
  verifyPassword,
} from "./passwords.js";

export function createCredentialService(deps: { store: MemberStore; revoker: SessionRevoker }) {
  const { store, revoker } = deps;

  return {
    async changePassword(
      id: string,
      body: { currentPassword: string; newPassword: string },
      identity: Identity,
    ) {
      if (identity.role === "guest" || identity.sub !== id) {
        throw new AppError("FORBIDDEN", "Only the member can change their own password");
      }
      const row = await store.findById(id);
      if (!row) throw new AppError("MEMBER_NOT_FOUND", `No member with id ${id}`);
      if (!(await verifyPassword(row.passwordHash, body.currentPassword))) {
        throw new AppError("PASSWORD_INCORRECT", "The current password is incorrect", {
          errors: [{ field: "currentPassword", message: "The current password is incorrect" }],
        });
      }
      if (body.newPassword === body.currentPassword) {
        throw new AppError(
          "VALIDATION_FAILED",
          "Choose a password different from the current one",
          {
            errors: [
              { field: "newPassword", message: "Choose a password different from the current one" },
            ],
          },
        );
      }
      assertStrongPassword(body.newPassword, { email: row.email, name: row.name }, "newPassword");
      await store.update(id, { passwordHash: await hashPassword(body.newPassword) });
      // Someone who knew the old password should not stay signed in elsewhere.
      await revoker.revokeOtherSessions(id, identity.sid);
    },

    async verifyCredentials(email: string, password: string): Promise<VerifiedCredentials> {
      const row = await store.findByEmail(email);
      const ok = row
        ? await verifyPassword(row.passwordHash, password)
        : await verifyAgainstDummy(password);
      if (!row || !ok)
        throw new AppError("AUTH_INVALID_CREDENTIALS", "Email or password is incorrect");
      return { id: row.id, email: row.email, name: row.name, role: row.role, status: row.status };
    },
  };
}

export type CredentialService = ReturnType<typeof createCredentialService>;
