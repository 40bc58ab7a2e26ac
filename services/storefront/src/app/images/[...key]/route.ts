/**
 * `GET /images/<key>`: product image files, passed through from the gateway (product service).
 * Next's image optimiser reads them here to resize and convert; a route handler rather than a
 * next.config rewrite because rewrites are fixed at build time and GATEWAY_URL is a runtime setting.
 */
import { config } from "@/config";

const PASSED_HEADERS = ["content-type", "content-length", "cache-control", "etag", "last-modified"];
const KEY = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

export async function GET(request: Request, { params }: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const key = (await params).key.join("/");
  if (!KEY.test(key) || key.includes("..")) return new Response("Not found", { status: 404 });
  let upstream: Response;
  try {
    upstream = await fetch(`${config().GATEWAY_URL}/images/${key}`, {
      headers: { accept: request.headers.get("accept") ?? "image/*", "x-request-id": request.headers.get("x-request-id") ?? "" },
      cache: "no-store",
      signal: AbortSignal.timeout(8_000),
    });
  } catch {
    return new Response("Image service unavailable", { status: 503, headers: { "retry-after": "5" } });
  }
  const headers = new Headers();
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.ok ? upstream.body : null, { status: upstream.ok ? 200 : upstream.status === 404 ? 404 : 502, headers });
}
