/** Internal routes for platform services (X-Internal-Key), never routed by the gateway. */
import { RevokeSessionsRequest, RevokeSessionsResult } from "@shop/contracts";
import { bodyOf } from "../http/body.js";
import type { RouteDef } from "../http/routes.js";
import type { SessionService } from "../sessions/sessions.service.js";

export function internalRoutes(deps: { sessions: SessionService }): RouteDef[] {
  return [
    {
      method: "post",
      path: "/internal/sessions/revoke",
      summary:
        "Cut a member's access tokens and/or end their sessions (deleted, disabled, role or password changed); auth alone writes revocations",
      tags: ["internal"],
      auth: "internal",
      access: { internal: "only" },
      body: RevokeSessionsRequest,
      responses: {
        200: {
          description: "How many sessions ended",
          schema: RevokeSessionsResult,
        },
      },
      async handle(ctx) {
        const { sub, exceptSid, revokeTokens, endSessions } = bodyOf(ctx, RevokeSessionsRequest);
        if (revokeTokens) await deps.sessions.revokeTokensOf(sub);
        ctx.body = { revoked: endSessions ? await deps.sessions.endAllOf(sub, exceptSid) : 0 };
      },
    },
  ];
}
