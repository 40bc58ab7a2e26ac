/** Schemas of the internal routes (platform services only, never routed by the gateway). */
import { Member, MemberLookupResult, VerifiedCredentials } from "@shop/contracts";
import { z } from "zod";
import { Email, Password } from "../members/members.schemas.js";

export const VerifyCredentialsBody = z.object({ email: Email, password: Password });

export const LookupBody = z.object({
  ids: z.array(z.string().max(64)).max(200, "Look up at most 200 ids at a time"),
});

export const InternalMemberParams = z.object({ id: z.uuid("Member ids are UUIDs") });

export { Member, MemberLookupResult, VerifiedCredentials };
