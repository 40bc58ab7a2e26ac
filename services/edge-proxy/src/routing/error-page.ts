/**
 * Errors the edge produces itself. API callers and tools get RFC 9457 problem details; a browser
 * asking for a page (Accept: text/html, not /api) gets a small HTML page with the same status,
 * code and request id instead of raw JSON.
 */
import { AppError, asAppError } from "@shop/platform";
import { problemResponse } from "@shop/platform/bun";

export function wantsHtml(request: Request, path: string): boolean {
  return (
    !path.startsWith("/api/") &&
    !path.startsWith("/_edge/") &&
    (request.headers.get("accept") ?? "").includes("text/html")
  );
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function errorResponse(
  error: unknown,
  request: Request,
  path: string,
  requestId: string,
): Response {
  if (!wantsHtml(request, path)) return problemResponse(error, requestId, path);
  const problem = problemResponse(error, requestId, path);
  const appError = asAppError(error);
  const title = appError.status >= 500 ? "잠시 후 다시 시도해 주세요" : "요청을 처리할 수 없습니다";
  const html = `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:480px;margin:15vh auto;padding:0 1rem;text-align:center"><h1 style="font-size:1.25rem">${title}</h1><p>${escape(appError.message)}</p><p><a href="/">홈으로</a></p><p style="color:#666;font-size:.8rem">${escape(appError.code)} · ${escape(requestId)}</p></body></html>`;
  const headers = new Headers(problem.headers);
  headers.set("content-type", "text/html; charset=utf-8");
  headers.set("cache-control", "no-store");
  return new Response(html, { status: problem.status, headers });
}

/** Seconds a browser is asked to wait before trying a page the storefront could not render. */
const PAGE_RETRY_AFTER_SECONDS = 5;

/**
 * A page the storefront failed to render (any 5xx: a dependency down behind it, a crash) reaches a
 * browser as the shop's own "temporarily unavailable" page, rendered here without script: 503
 * with Retry-After, never the framework's empty error shell. Other answers pass untouched.
 */
export async function brandFailedPage(
  response: Response,
  request: Request,
  path: string,
  requestId: string,
): Promise<Response> {
  if (response.status < 500 || !wantsHtml(request, path)) return response;
  await response.body?.cancel();
  const unavailable = new AppError(
    "UPSTREAM_UNAVAILABLE",
    "일시적인 문제로 페이지를 보여드리지 못했어요. 잠시 후 다시 시도해 주세요.",
    { headers: { "retry-after": String(PAGE_RETRY_AFTER_SECONDS) } },
  );
  return errorResponse(unavailable, request, path, requestId);
}
