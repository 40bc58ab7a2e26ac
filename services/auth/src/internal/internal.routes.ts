/** Internal routes for platform services (X-Internal-Key), never routed by the gateway. */
import { z } from "zod";
import { bodyOf } from "../http/body.js";
import type { RouteDef } from "../http/routes.js";
import type { SessionService } from "../sessions/sessions.service.js";

export const RevokeSessionsBody = z.object({
  sub: z.string().min(1).max(100),
  /** The session to keep (the one that changed the password). */
  exceptSid: z.string().min(1).max(100).optional(),
});

export function internalRoutes(deps: { sessions: SessionService }): RouteDef[] {
  return [
    {
      method: "post",
      path: "/internal/sessions/revoke",
      summary:
        "End every session of a member (deleted, disabled, password changed), optionally keeping one",
      tags: ["internal"],
      auth: "internal",
      access: { internal: "only" },
      body: RevokeSessionsBody,
      responses: {
        200: {
          description: "How many sessions ended",
          schema: z.object({ revoked: z.number().int() }),
        },
      },
      async handle(ctx) {
        const { sub, exceptSid } = bodyOf(ctx, RevokeSessionsBody);
        ctx.body = { revoked: await deps.sessions.endAllOf(sub, exceptSid) };
      },
    },
  ];
}
