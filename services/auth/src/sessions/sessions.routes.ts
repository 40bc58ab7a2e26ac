/** Session routes: refresh (first-party client key) and logout. */
import { bearerToken } from "@shop/platform";
import { TokenResponse } from "@shop/contracts";
import { z } from "zod";
import { requireClient } from "../clients/client-key.js";
import { bodyOf } from "../http/body.js";
import type { RouteDef } from "../http/routes.js";
import type { AccessTokens } from "../tokens/access-tokens.js";
import { logout } from "./logout.js";
import type { Refresh } from "./refresh.js";
import type { SessionService } from "./sessions.service.js";

const RefreshToken = z.string().min(20, "Not a refresh token").max(200, "Not a refresh token");
export const RefreshBody = z.object({ refreshToken: RefreshToken });
export const LogoutBody = z.object({ refreshToken: RefreshToken.optional() });

const tags = ["sessions"];

export function sessionRoutes(deps: {
  refresh: Refresh;
  sessions: SessionService;
  tokens: AccessTokens;
  clientKey: string;
}): RouteDef[] {
  return [
    {
      method: "post",
      path: "/api/auth/refresh",
      summary: "Exchange a refresh token for new tokens (rotation; reuse revokes the session)",
      tags,
      auth: "client",
      body: RefreshBody,
      responses: {
        200: {
          description: "New tokens; the presented refresh token is used up",
          schema: TokenResponse,
        },
      },
      async handle(ctx) {
        requireClient(ctx.get("authorization"), deps.clientKey);
        ctx.body = await deps.refresh(bodyOf(ctx, RefreshBody).refreshToken);
      },
    },
    {
      method: "post",
      path: "/api/auth/logout",
      summary:
        "End the session of the access token (Authorization: Bearer) and/or the refresh token",
      tags,
      body: LogoutBody,
      responses: {
        204: { description: "Signed out; the access token is rejected everywhere within a second" },
      },
      async handle(ctx) {
        const { refreshToken } = bodyOf(ctx, LogoutBody);
        await logout(deps, { accessToken: bearerToken(ctx.get("authorization")), refreshToken });
        ctx.status = 204;
      },
    },
  ];
}
