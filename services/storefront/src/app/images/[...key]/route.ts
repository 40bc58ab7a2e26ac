/**
 * `GET /images/<key>`: product image files, passed through from the gateway (product service).
 * Next's image optimiser reads them here to resize and convert; a route handler rather than a
 * next.config rewrite because rewrites are fixed at build time and GATEWAY_URL is a runtime setting.
 */
import { fetchImage, isImageKey } from "@/lib/api/images";
import { problemResponse } from "@/lib/problem";

const PASSED_HEADERS = ["content-type", "content-length", "cache-control", "etag", "last-modified"];

export async function GET(
  request: Request,
  { params }: { params: Promise<{ key: string[] }> },
): Promise<Response> {
  const key = (await params).key.join("/");
  const requestId = request.headers.get("x-request-id");
  if (!isImageKey(key))
    return problemResponse("IMAGE_NOT_FOUND", "No image with this key", requestId);
  let upstream: Response;
  try {
    upstream = await fetchImage(key, request.headers.get("accept") ?? "image/*", requestId);
  } catch {
    return problemResponse(
      "UPSTREAM_UNAVAILABLE",
      "Images cannot be loaded right now; try again shortly",
      requestId,
      {
        "retry-after": "5",
      },
    );
  }
  if (!upstream.ok) await upstream.body?.cancel();
  if (upstream.status === 404)
    return problemResponse("IMAGE_NOT_FOUND", "No image with this key", requestId);
  if (!upstream.ok) {
    return problemResponse(
      "UPSTREAM_BAD_RESPONSE",
      `The image service answered ${upstream.status}`,
      requestId,
    );
  }
  const headers = new Headers();
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: 200, headers });
}
