/** Authenticates every `/api/cart*` request before its body is validated, and hands out the caller. */
import type { Identity } from "@shop/platform";
import type { App } from "@shop/platform/fastify";
import type { FastifyRequest } from "fastify";
import type { Identities } from "./identity.js";

export type CallerOf = (request: FastifyRequest) => Identity;

export function authenticatePaths(app: App, pattern: RegExp, identities: Identities): CallerOf {
  const identified = new WeakMap<FastifyRequest, Identity>();
  // Before validation: an anonymous caller learns nothing about the API from its 400s.
  app.addHook("onRequest", async (request) => {
    if (pattern.test(request.url)) {
      identified.set(request, await identities.caller(request.headers.authorization));
    }
  });
  return (request) => {
    const identity = identified.get(request);
    if (!identity) throw new Error(`no authenticated caller for ${request.url}`);
    return identity;
  };
}
