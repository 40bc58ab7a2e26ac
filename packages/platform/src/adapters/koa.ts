/** Koa adapter: request ids and context, problem-details errors, request logs, health routes. */
import type Koa from "koa";
import type { Server } from "node:http";
import {
  authorize,
  callerHeaders,
  userOf,
  type AccessCheck,
  type Caller,
  type RouteAccess,
} from "../access.js";
import { REQUEST_ID_HEADER, requestIdFrom, runWithContext } from "../context.js";
import { AppError } from "../errors/app-error.js";
import { toProblem } from "../errors/problem.js";
import type { Health } from "../health.js";
import { logRequest, type Logger } from "../logging.js";
import type { Identity } from "../identity.js";
import { METRICS_PATH, metricsAnswer, observeRequest, startMetrics } from "../metrics.js";
import { runService, type RunServiceOptions } from "../shutdown.js";

/**
 * The platform middleware for a Koa app, to `app.use()` first: request id, context, request log
 * and metrics, errors as problem details, unmatched routes as ROUTE_NOT_FOUND, `/health`,
 * `/health/ready` and `/metrics`.
 *
 * @example
 * app.use(platformMiddleware({ name: "auth", logger, health }));
 * app.use(router.routes()).use(router.allowedMethods());
 */
export function platformMiddleware(options: {
  name: string;
  logger: Logger;
  health: Health;
  quietPaths?: string[];
}): Koa.Middleware {
  const quiet = new Set(options.quietPaths ?? ["/health", "/health/ready"]);
  startMetrics(options.name);
  return async (ctx, next) => {
    if (ctx.path === METRICS_PATH && ctx.method === "GET") {
      const answer = await metricsAnswer(ctx.get("authorization"));
      ctx.status = answer.status;
      ctx.type = answer.contentType;
      ctx.body = answer.body;
      return;
    }
    const requestId = requestIdFrom(ctx.get(REQUEST_ID_HEADER));
    ctx.state.requestId = requestId;
    ctx.set(REQUEST_ID_HEADER, requestId);
    const started = performance.now();
    await runWithContext({ requestId }, async () => {
      try {
        if (ctx.path === "/health") {
          ctx.body = options.health.live();
          return;
        }
        if (ctx.path === "/health/ready") {
          const report = await options.health.ready();
          ctx.status = report.status === "ok" ? 200 : 503;
          ctx.body = report;
          return;
        }
        await next();
        if (ctx.status === 404 && ctx.body === undefined) {
          throw new AppError("ROUTE_NOT_FOUND", `No route for ${ctx.method} ${ctx.path}`);
        }
        if (ctx.status === 405 && ctx.body === undefined) {
          throw new AppError("METHOD_NOT_ALLOWED", `${ctx.method} is not allowed on ${ctx.path}`);
        }
      } catch (error) {
        const rendered = toProblem(error, requestId, ctx.path);
        if (rendered.status >= 500) options.logger.error({ err: error }, "request failed");
        ctx.status = rendered.status;
        ctx.set(rendered.headers);
        ctx.body = rendered.body;
      } finally {
        // @koa/router names the matched route's template; health routes are answered above it.
        const route =
          (ctx as { _matchedRoute?: string })._matchedRoute ??
          (ctx.path.startsWith("/health") ? ctx.path : undefined);
        const seconds = (performance.now() - started) / 1000;
        observeRequest({ method: ctx.method, route, status: ctx.status, seconds });
        if (!quiet.has(ctx.path)) {
          logRequest(options.logger, {
            method: ctx.method,
            path: ctx.path,
            status: ctx.status,
            durationMs: performance.now() - started,
          });
        }
      }
    });
  };
}

/**
 * Listens and wires graceful shutdown.
 *
 * @example
 * await serveKoa(app, { name: "auth", port: config.PORT, logger, health, resources: [redis] });
 */
export async function serveKoa(
  app: Koa,
  options: Omit<RunServiceOptions, "start"> & { port: number; host?: string },
): Promise<void> {
  await runService({
    ...options,
    start: async () => {
      const server: Server = await new Promise((resolve, reject) => {
        const s = app.listen(options.port, options.host ?? "0.0.0.0", () => resolve(s));
        s.once("error", reject);
      });
      return {
        close: () =>
          new Promise<void>((resolve, reject) => {
            server.close((error) => (error ? reject(error) : resolve()));
            server.closeIdleConnections();
          }),
      };
    },
  });
}

/**
 * The identity middleware for one route: puts the admitted caller on `ctx.state.caller`.
 *
 * @example
 * const access = accessMiddleware({ verifier, internalKey });
 * router.post("/internal/sessions/revoke", access({ internal: "only" }), handler);
 */
export function accessMiddleware(check: AccessCheck): (rule?: RouteAccess) => Koa.Middleware {
  return (rule = {}) =>
    async (ctx, next) => {
      ctx.state.caller = await authorize(callerHeaders(ctx.headers), rule, check);
      await next();
    };
}

/** The caller the route's access middleware admitted. */
export function callerOf(ctx: Koa.Context): Caller {
  return (ctx.state.caller as Caller | undefined) ?? { kind: "anonymous" };
}

/** The signed-in (or guest) user of the request; AUTH_REQUIRED for anyone else. */
export function identityOf(ctx: Koa.Context): Identity {
  return userOf(ctx.state.caller as Caller | undefined);
}
