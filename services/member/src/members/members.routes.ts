/** Member routes: registration and admin creation, admin listing, self-or-admin read/edit/delete. */
import { toPage } from "@shop/contracts";
import type { Caller } from "@shop/platform";
import { callerOf, identityOf, type AccessHook, type App } from "@shop/platform/fastify";
import type { Idempotency } from "../idempotency/idempotency.js";
import type { CredentialService } from "../passwords/credentials.service.js";
import {
  ChangePasswordBody,
  CreateMemberBody,
  ListMembersQuery,
  Member,
  MemberList,
  MemberParams,
  UpdateMemberBody,
} from "./members.schemas.js";
import type { MemberService } from "./members.service.js";

const tags = ["members"];
const security = [{ bearerAuth: [] }];

interface Deps {
  service: MemberService;
  credentials: CredentialService;
  access: AccessHook;
  idempotency: Idempotency;
}

export function registerMemberRoutes(app: App, deps: Deps): void {
  registerCollection(app, deps);
  registerSelf(app, deps);
  registerById(app, deps);
}

function registerCollection(app: App, { service, access, idempotency }: Deps): void {
  const anyone = access();
  const scopeOf = (caller: Caller) =>
    caller.kind === "user" ? `member:${caller.identity.sub}` : "internal";

  app.post(
    "/api/members",
    {
      onRequest: access({ internal: "also" }),
      schema: {
        tags,
        security: [{ internalKey: [] }, { bearerAuth: [] }],
        summary: "Create a member (auth's registration with X-Internal-Key, or an admin token)",
        description:
          "Retries with the same Idempotency-Key (or X-Idempotency-Key) replay the first answer.",
        body: CreateMemberBody,
        response: { 201: Member },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const member = await idempotency.run(request, reply, scopeOf(caller), async () => ({
        status: 201,
        body: await service.create(request.body, caller),
      }));
      void reply.header("location", `/api/members/${member.id}`);
      return member;
    },
  );

  app.get(
    "/api/members",
    {
      onRequest: anyone,
      schema: {
        tags,
        security,
        summary: "List members (admin); search by email or name",
        querystring: ListMembersQuery,
        response: { 200: MemberList },
      },
    },
    async (request) => {
      const { rows, total } = await service.list(request.query, identityOf(request));
      return toPage(rows, total, request.query);
    },
  );
}

function registerSelf(app: App, { service, access }: Deps): void {
  const anyone = access();
  app.get(
    "/api/members/me",
    {
      onRequest: anyone,
      schema: { tags, security, summary: "The signed-in member", response: { 200: Member } },
    },
    async (request) => {
      const identity = identityOf(request);
      return service.get(identity.sub, identity);
    },
  );

  app.patch(
    "/api/members/me",
    {
      onRequest: anyone,
      schema: {
        tags,
        security,
        summary: "Edit the signed-in member's profile",
        body: UpdateMemberBody,
        response: { 200: Member },
      },
    },
    async (request) => {
      const identity = identityOf(request);
      return service.update(identity.sub, request.body, identity);
    },
  );
}

function registerById(app: App, { service, credentials, access }: Deps): void {
  const anyone = access();
  app.get(
    "/api/members/:id",
    {
      onRequest: anyone,
      schema: {
        tags,
        security,
        summary: "A member (the member themself or an admin)",
        params: MemberParams,
        response: { 200: Member },
      },
    },
    async (request) => service.get(request.params.id, identityOf(request)),
  );

  app.patch(
    "/api/members/:id",
    {
      onRequest: anyone,
      schema: {
        tags,
        security,
        summary:
          "Edit a member (themself or an admin; only an admin changes role, status or email)",
        params: MemberParams,
        body: UpdateMemberBody,
        response: { 200: Member },
      },
    },
    async (request) => service.update(request.params.id, request.body, identityOf(request)),
  );

  app.delete(
    "/api/members/:id",
    {
      onRequest: anyone,
      schema: {
        tags,
        security,
        summary: "Delete a member (themself or an admin); their tokens stop working",
        params: MemberParams,
      },
    },
    async (request, reply) => {
      await service.remove(request.params.id, identityOf(request));
      return reply.code(204).send();
    },
  );

  app.post(
    "/api/members/:id/password",
    {
      onRequest: anyone,
      schema: {
        tags,
        security,
        summary:
          "Change the password (the member themself; needs the current one); other sessions end",
        params: MemberParams,
        body: ChangePasswordBody,
      },
    },
    async (request, reply) => {
      await credentials.changePassword(request.params.id, request.body, identityOf(request));
      return reply.code(204).send();
    },
  );
}
