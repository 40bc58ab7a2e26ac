import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import Fastify from "fastify";
import Koa from "koa";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { authorize, type AccessCheck, type Caller, type RouteAccess } from "./access.js";
import { accessHook, callerOf } from "./adapters/fastify.js";
import { accessMiddleware, callerOf as koaCallerOf } from "./adapters/koa.js";
import { authorizeRequest } from "./adapters/bun.js";
import { AppError } from "./errors/app-error.js";
import { toProblem } from "./errors/problem.js";
import { createTokenVerifier } from "./identity.js";

const { publicKey, privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
const jwk: JWK = { ...(await exportJWK(publicKey)), kid: "k1", alg: "EdDSA", use: "sig" };
const check: AccessCheck = {
  verifier: createTokenVerifier({
    keys: createLocalJWKSet({ keys: [jwk] }),
    issuer: "shop-auth",
    audience: "shop-api",
  }),
  internalKey: "the-internal-key",
};

const mint = (role: string, exp = "10m") =>
  new SignJWT({ role, sid: "s1" })
    .setProtectedHeader({ alg: "EdDSA", kid: "k1" })
    .setSubject(`${role}-1`)
    .setIssuer("shop-auth")
    .setAudience("shop-api")
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(exp)
    .sign(privateKey);

const tokens = {
  guest: await mint("guest"),
  customer: await mint("customer"),
  admin: await mint("admin"),
  expired: await mint("customer", "-1m"),
};

/** The outcome of a rule for some headers: the caller's kind/role, or the error's status and code. */
async function outcome(rule: RouteAccess, headers: { token?: string; key?: string; raw?: string }) {
  try {
    const caller = await authorize(
      {
        authorization: headers.raw ?? (headers.token ? `Bearer ${headers.token}` : undefined),
        internalKey: headers.key,
      },
      rule,
      check,
    );
    return caller.kind === "user" ? `user:${caller.identity.role}` : caller.kind;
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    return `${error.status} ${error.code}`;
  }
}

describe("the access rule", () => {
  it("needs a valid token unless optional; roles refuse other roles with 403", async () => {
    assert.equal(await outcome({}, {}), "401 AUTH_REQUIRED");
    assert.equal(await outcome({}, { token: tokens.guest }), "user:guest");
    assert.equal(await outcome({}, { raw: "Basic abc" }), "401 AUTH_TOKEN_INVALID");
    assert.equal(await outcome({}, { token: tokens.expired }), "401 AUTH_TOKEN_EXPIRED");
    assert.equal(await outcome({}, { token: "not.a.jwt" }), "401 AUTH_TOKEN_INVALID");
    const members = { roles: ["customer", "admin"] } as const;
    assert.equal(await outcome(members, { token: tokens.guest }), "403 FORBIDDEN");
    assert.equal(await outcome(members, { token: tokens.customer }), "user:customer");
    assert.equal(await outcome({ roles: ["admin"] }, { token: tokens.customer }), "403 FORBIDDEN");
    assert.equal(await outcome({ roles: ["admin"] }, { token: tokens.admin }), "user:admin");
  });

  it("optional routes read a valid token and treat a missing or bad one as anonymous", async () => {
    assert.equal(await outcome({ optional: true }, {}), "anonymous");
    assert.equal(await outcome({ optional: true }, { token: tokens.expired }), "anonymous");
    assert.equal(await outcome({ optional: true }, { token: tokens.admin }), "user:admin");
  });

  it("internal-only routes need the key and never read a token", async () => {
    const only = { internal: "only" } as const;
    assert.equal(await outcome(only, {}), "401 INTERNAL_AUTH_REQUIRED");
    assert.equal(await outcome(only, { token: tokens.admin }), "401 INTERNAL_AUTH_REQUIRED");
    assert.equal(await outcome(only, { key: "wrong" }), "401 INTERNAL_AUTH_REQUIRED");
    assert.equal(await outcome(only, { key: "the-internal-key" }), "internal");
  });

  it("`also` admits a platform service with the key, or a user by the other options", async () => {
    const also = { internal: "also", roles: ["admin"] } as const;
    assert.equal(await outcome(also, { key: "the-internal-key" }), "internal");
    assert.equal(
      await outcome(also, { key: "wrong", token: tokens.admin }),
      "401 INTERNAL_AUTH_REQUIRED",
    );
    assert.equal(await outcome(also, { token: tokens.admin }), "user:admin");
    assert.equal(await outcome(also, { token: tokens.customer }), "403 FORBIDDEN");
  });
});

describe("the hooks apply the same rule in each framework", () => {
  it("Fastify: an onRequest hook per route, before the body is read", async () => {
    const app = Fastify();
    app.setErrorHandler((error, _request, reply) => {
      const problem = toProblem(error);
      void reply.code(problem.status).send(problem.body);
    });
    const access = accessHook(check);
    let handled = 0;
    app.post("/admin", { onRequest: access({ roles: ["admin"] }) }, async (request) => {
      handled++;
      return { caller: (callerOf(request) as Extract<Caller, { kind: "user" }>).identity.role };
    });
    const post = (token?: string) =>
      app.inject({
        method: "POST",
        url: "/admin",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        payload: "{not json",
      });
    assert.equal((await post()).statusCode, 401);
    assert.equal((await post(tokens.customer)).statusCode, 403);
    // The admin gets as far as the body parser, which refuses the body.
    assert.equal((await post(tokens.admin)).statusCode, 400);
    assert.equal(handled, 0);
    await app.close();
  });

  it("Koa: a middleware per route that leaves the caller on ctx.state", async () => {
    const koa = new Koa();
    koa.use(async (ctx, next) => {
      try {
        await next();
      } catch (error) {
        const problem = toProblem(error);
        ctx.status = problem.status;
        ctx.body = problem.body;
      }
    });
    koa.use(accessMiddleware(check)({ internal: "only" }));
    koa.use((ctx) => {
      ctx.body = { kind: koaCallerOf(ctx).kind };
    });
    const server = koa.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as { port: number };
    const refused = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(refused.status, 401);
    const admitted = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { "x-internal-key": "the-internal-key" },
    });
    assert.deepEqual(await admitted.json(), { kind: "internal" });
    await new Promise((resolve) => server.close(resolve));
  });

  it("Fetch API (Bun): the token may come from elsewhere than the header (the edge's cookie)", async () => {
    const request = new Request("http://edge.test/_edge/purge", { method: "POST" });
    const caller = await authorizeRequest(request, { roles: ["admin"] }, check, tokens.admin);
    assert.equal(caller.kind, "user");
    await assert.rejects(
      authorizeRequest(request, { roles: ["admin"] }, check),
      (error: unknown) => error instanceof AppError && error.code === "AUTH_REQUIRED",
    );
  });
});
