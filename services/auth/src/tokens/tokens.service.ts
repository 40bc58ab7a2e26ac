/** Token questions: is this access token valid (verify), and whose is it now (me). */
import type { MeResponse, VerifiedIdentity } from "@shop/contracts";
import { AppError, type Identity } from "@shop/platform";
import type { MemberClient } from "../clients/member.client.js";
import type { AccessTokens } from "./access-tokens.js";

export function createTokenService(deps: { tokens: AccessTokens; members: MemberClient }) {
  return {
    async verify(token: string): Promise<VerifiedIdentity> {
      return { active: true, ...(await deps.tokens.verifier.verify(token)) };
    },

    async me(identity: Identity): Promise<MeResponse> {
      if (identity.role === "guest") return { id: identity.sub, role: "guest", member: null };
      const member = await deps.members.find(identity.sub);
      if (!member) throw new AppError("MEMBER_NOT_FOUND", "This account no longer exists");
      return { id: member.id, role: member.role, member };
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
