/**
 * Internal routes for platform services (X-Internal-Key): the credential check auth's login uses,
 * author names for the BFF, and a member with address for the order service.
 */
import type { AccessHook, App } from "@shop/platform/fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { MemberService } from "../members/members.service.js";
import type { CredentialService } from "../passwords/credentials.service.js";
import {
  InternalMemberParams,
  LookupBody,
  Member,
  MemberLookupResult,
  VerifiedCredentials,
  VerifyCredentialsBody,
} from "./internal.schemas.js";

const tags = ["internal"];
const security = [{ internalKey: [] }];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerInternalRoutes(
  app: App,
  deps: { service: MemberService; credentials: CredentialService; access: AccessHook },
): void {
  const { service, credentials } = deps;

  app.register(async (scope) => {
    const internal = scope.withTypeProvider<ZodTypeProvider>();
    // Every route registered in this scope, and only those.
    internal.addHook("onRequest", deps.access({ internal: "only" }));

    internal.post(
      "/internal/credentials/verify",
      {
        schema: {
          tags,
          security,
          summary:
            "Check an email and password (auth's login); 401 AUTH_INVALID_CREDENTIALS when they do not match",
          body: VerifyCredentialsBody,
          response: { 200: VerifiedCredentials },
        },
      },
      async (request) => credentials.verifyCredentials(request.body.email, request.body.password),
    );

    internal.post(
      "/internal/members/lookup",
      {
        schema: {
          tags,
          security,
          summary: "Display names by member id (unknown ids are left out)",
          body: LookupBody,
          response: { 200: MemberLookupResult },
        },
      },
      async (request) => {
        const ids = [...new Set(request.body.ids.filter((id) => UUID.test(id)))];
        return { items: await service.lookupNames(ids) };
      },
    );

    internal.get(
      "/internal/members/:id",
      {
        schema: {
          tags,
          security,
          summary: "A member with the default shipping address",
          params: InternalMemberParams,
          response: { 200: Member },
        },
      },
      async (request) => service.internalGet(request.params.id),
    );
  });
}
