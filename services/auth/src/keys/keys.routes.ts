/** The public signing keys every verifier fetches (and caches). */
import { z } from "zod";
import type { RouteDef } from "../http/routes.js";
import type { KeyStore } from "./keys.js";

const Jwks = z.object({
  keys: z.array(
    z.object({
      kty: z.string(),
      crv: z.string(),
      x: z.string(),
      kid: z.string(),
      alg: z.string(),
      use: z.string(),
    }),
  ),
});

export function keyRoutes(keys: KeyStore): RouteDef[] {
  return [
    {
      method: "get",
      path: "/.well-known/jwks.json",
      summary:
        "Public keys for verifying access tokens (EdDSA; old keys stay until their tokens expire)",
      tags: ["keys"],
      responses: { 200: { description: "JWK set", schema: Jwks } },
      async handle(ctx) {
        ctx.set("cache-control", "public, max-age=300");
        ctx.body = keys.jwks;
      },
    },
  ];
}
