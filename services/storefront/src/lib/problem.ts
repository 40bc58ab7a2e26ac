/**
 * RFC 9457 problem details for the storefront's own route handlers, in the platform's shape
 * (`type`, `title`, `status`, `detail`, `code`, `requestId`) with codes from its error catalogue.
 */
const TITLES = {
  IMAGE_NOT_FOUND: { status: 404, title: "Image not found" },
  UPSTREAM_UNAVAILABLE: { status: 503, title: "A service this request needs is unavailable" },
  UPSTREAM_BAD_RESPONSE: {
    status: 502,
    title: "A service this request needs answered unexpectedly",
  },
  CSRF_REJECTED: { status: 403, title: "Cross-site request rejected" },
} as const;

export type ProblemCode = keyof typeof TITLES;

export function problemResponse(
  code: ProblemCode,
  detail: string,
  requestId?: string | null,
  headers: Record<string, string> = {},
): Response {
  const { status, title } = TITLES[code];
  const body = {
    type: `/problems/${code.toLowerCase().replaceAll("_", "-")}`,
    title,
    status,
    detail,
    code,
    ...(requestId ? { requestId } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": "application/problem+json",
      "cache-control": "no-store",
      ...headers,
    },
  });
}
