/** Token routes: verify an access token, and who it belongs to now. */
import { MeResponse, VerifiedIdentity } from "@shop/contracts";
import { identityOf } from "@shop/platform/koa";
import { z } from "zod";
import { bodyOf } from "../http/body.js";
import type { RouteDef } from "../http/routes.js";
import type { AccessTokens } from "./access-tokens.js";
import type { TokenService } from "./tokens.service.js";

export const VerifyBody = z.object({
  token: z.string().min(1, "Send the token").max(4096, "Not a token"),
});

const tags = ["tokens"];

export function tokenRoutes(deps: { service: TokenService; tokens: AccessTokens }): RouteDef[] {
  return [
    {
      method: "post",
      path: "/api/auth/verify",
      summary: "Check an access token: its identity, or 401",
      tags,
      body: VerifyBody,
      responses: {
        200: { description: "The token is valid and its session live", schema: VerifiedIdentity },
      },
      async handle(ctx) {
        ctx.body = await deps.service.verify(bodyOf(ctx, VerifyBody).token);
      },
    },
    {
      method: "get",
      path: "/api/auth/me",
      summary: "Who the access token belongs to: the member now, or the guest",
      tags,
      auth: "bearer",
      access: {},
      responses: { 200: { description: "The member or guest", schema: MeResponse } },
      async handle(ctx) {
        ctx.body = await deps.service.me(identityOf(ctx));
      },
    },
  ];
}
