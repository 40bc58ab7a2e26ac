/** JSON request bodies: size-limited, JSON only, with problem-details errors for each failure. */
import { bodyParser } from "@koa/bodyparser";
import { AppError, forwardedClientIp, validationError, type TrustedProxies } from "@shop/platform";
import type Koa from "koa";
import type { z } from "zod";

/** Parses JSON bodies up to `limitBytes`; 413 BODY_TOO_LARGE, 400 MALFORMED_JSON, 415 for other types. */
export function jsonBody(limitBytes: number): Koa.Middleware {
  const parse = bodyParser({
    enableTypes: ["json"],
    jsonLimit: limitBytes,
    onError(error) {
      const status = (error as { status?: number }).status;
      if (status === 413)
        throw new AppError("BODY_TOO_LARGE", `Send at most ${limitBytes} bytes`, { cause: error });
      if (status === 415)
        throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as UTF-8 JSON", {
          cause: error,
        });
      throw new AppError("MALFORMED_JSON", "The request body is not valid JSON", { cause: error });
    },
  });
  return async (ctx, next) => {
    const hasBody =
      Number(ctx.get("content-length") || 0) > 0 || ctx.get("transfer-encoding") !== "";
    if (hasBody && ["POST", "PUT", "PATCH"].includes(ctx.method) && !ctx.is("application/json")) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json");
    }
    return parse(ctx, next);
  };
}

/** Validates `ctx.request.body` with `schema`; VALIDATION_FAILED with field errors otherwise. */
export function bodyOf<T extends z.ZodType>(ctx: Koa.Context, schema: T): z.infer<T> {
  const result = schema.safeParse((ctx.request as { body?: unknown }).body ?? {});
  if (!result.success) throw validationError(result.error, "body");
  return result.data;
}

/** Puts the caller's address on `ctx.state.clientIp` by the platform's one client-address rule. */
export function clientAddress(trusted: TrustedProxies): Koa.Middleware {
  return async (ctx, next) => {
    const peer = ctx.request.socket.remoteAddress ?? "unknown";
    ctx.state.clientIp = forwardedClientIp(peer, ctx.get("x-forwarded-for") || undefined, trusted);
    await next();
  };
}

/** The caller's IP as `clientAddress` found it. */
export function clientIp(ctx: Koa.Context): string {
  return typeof ctx.state.clientIp === "string" ? ctx.state.clientIp : "unknown";
}
