/** Sign-in routes (`/api/auth/register|login|guest`): all need the first-party client key. */
import type Koa from "koa";
import { requireClient } from "../clients/client-key.js";
import { bodyOf, clientIp } from "../http/body.js";
import type { RouteDef } from "../http/routes.js";
import { LoginBody, RegisterBody, TokenResponse } from "./auth.schemas.js";
import type { AuthService } from "./auth.service.js";

const tags = ["auth"];

export function authRoutes(deps: { service: AuthService; clientKey: string }): RouteDef[] {
  const { service, clientKey } = deps;
  const caller = (ctx: Koa.Context) => ({
    ip: clientIp(ctx),
    client: requireClient(ctx.get("authorization"), clientKey),
  });
  const idempotencyKey = (ctx: Koa.Context) =>
    ctx.get("idempotency-key") || ctx.get("x-idempotency-key") || undefined;

  return [
    {
      method: "post",
      path: "/api/auth/register",
      summary: "Create an account and sign in",
      description:
        "Creates the member through the member service (an Idempotency-Key is passed on), then starts a session.",
      tags,
      auth: "client",
      body: RegisterBody,
      responses: { 201: { description: "The new member's tokens", schema: TokenResponse } },
      async handle(ctx) {
        const who = caller(ctx);
        ctx.status = 201;
        ctx.body = await service.register(bodyOf(ctx, RegisterBody), who, idempotencyKey(ctx));
      },
    },
    {
      method: "post",
      path: "/api/auth/login",
      summary: "Sign in with email and password",
      description:
        "Unknown email and wrong password get the same 401; repeated failures per account or IP get 429 with Retry-After.",
      tags,
      auth: "client",
      body: LoginBody,
      responses: { 200: { description: "The member's tokens", schema: TokenResponse } },
      async handle(ctx) {
        const who = caller(ctx);
        ctx.body = await service.login(bodyOf(ctx, LoginBody), who);
      },
    },
    {
      method: "post",
      path: "/api/auth/guest",
      summary: "Start a guest session for browsing without an account",
      tags,
      auth: "client",
      responses: { 201: { description: "Guest tokens (user is null)", schema: TokenResponse } },
      async handle(ctx) {
        ctx.status = 201;
        ctx.body = await service.guest(caller(ctx));
      },
    },
  ];
}
