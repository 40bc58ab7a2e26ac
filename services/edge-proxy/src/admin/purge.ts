/**
 * POST /_edge/purge — drops cached pages on demand. Allowed for platform services presenting
 * X-Internal-Key, and for admins (Bearer token, or the session cookie from the admin's browser,
 * verified locally against the auth service's JWKS and the revocation list).
 */
import { AppError, bearerToken, validationError, type TokenVerifier } from "@shop/platform";
import { authorizeRequest } from "@shop/platform/bun";
import { z } from "zod";
import type { HtmlCache } from "../html-cache/html-cache.js";
import { tagsForPaths } from "../html-cache/key.js";
import { ACCESS_COOKIE, parseCookies } from "../session/cookies.js";

export const PurgeRequest = z
  .object({
    paths: z
      .array(z.string().regex(/^\/[^\s?#]*$/, "a path such as /products/t-shirt or /categories/*"))
      .max(200)
      .optional()
      .describe(
        "Pages to purge (every host and query variant); a trailing /* purges a whole route.",
      ),
    all: z.boolean().optional().describe("Purge every cached page."),
  })
  .refine((body) => body.all === true || (body.paths?.length ?? 0) > 0, {
    message: "give a non-empty paths list or all: true",
    path: ["paths"],
  });

export const PurgeAnswer = z.object({
  purged: z.number().int().describe("Cached pages removed."),
  tags: z.array(z.string()),
});

export interface PurgeDeps {
  cache: HtmlCache;
  verifier: TokenVerifier;
  internalKey: string;
}

/** Platform services (X-Internal-Key) and admins (Bearer or session cookie) only. */
export async function authorise(
  request: Request,
  deps: Pick<PurgeDeps, "verifier" | "internalKey">,
): Promise<void> {
  const token =
    bearerToken(request.headers.get("authorization")) ??
    parseCookies(request.headers.get("cookie")).get(ACCESS_COOKIE);
  await authorizeRequest(request, { roles: ["admin"], internal: "also" }, deps, token);
}

export async function handlePurge(request: Request, deps: PurgeDeps): Promise<Response> {
  if (request.method !== "POST") {
    throw new AppError("METHOD_NOT_ALLOWED", "Use POST", { headers: { allow: "POST" } });
  }
  await authorise(request, deps);
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new AppError("MALFORMED_JSON", "The request body is not valid JSON");
  }
  const parsed = PurgeRequest.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "body");
  const tags = parsed.data.all ? ["all"] : tagsForPaths(parsed.data.paths ?? []);
  const purged = await deps.cache.purge(tags);
  return Response.json({ purged, tags } satisfies z.infer<typeof PurgeAnswer>);
}
