/**
 * NestJS adapter (Express platform): request ids and context, problem-details errors for every
 * exception, zod validation pipe, health routes.
 */
import {
  createParamDecorator,
  Inject,
  Injectable,
  SetMetadata,
  type ArgumentsHost,
  type CanActivate,
  type ExceptionFilter,
  type ExecutionContext,
  type INestApplication,
  type PipeTransform,
} from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import type { NextFunction, Request, Response } from "express";
import type { ZodType } from "zod";
import {
  authorize,
  callerHeaders,
  type AccessCheck,
  type Caller,
  type RouteAccess,
} from "../access.js";
import { REQUEST_ID_HEADER, requestIdFrom, runWithContext } from "../context.js";
import { AppError } from "../errors/app-error.js";
import { asAppError, toProblem, validationError } from "../errors/problem.js";
import type { Health } from "../health.js";
import type { Identity } from "../identity.js";
import { logRequest, type Logger } from "../logging.js";
import { METRICS_PATH, metricsAnswer, observeRequest, startMetrics } from "../metrics.js";

/** Renders every exception (AppError, ZodError, Nest HttpException, unknown) as problem details. */
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { requestId?: string }>();
    const res = http.getResponse<Response>();
    const error = fromNestException(exception);
    const rendered = toProblem(error, req.requestId, req.originalUrl);
    if (rendered.status >= 500) this.logger.error({ err: exception }, "request failed");
    res.status(rendered.status).set(rendered.headers).send(JSON.stringify(rendered.body));
  }
}

function fromNestException(exception: unknown): unknown {
  if (exception instanceof AppError) return exception;
  const maybe = exception as {
    getStatus?: () => number;
    message?: string;
    name?: string;
    code?: string;
  };
  if (typeof maybe.getStatus === "function") {
    const status = maybe.getStatus();
    if (status === 404) return new AppError("ROUTE_NOT_FOUND", maybe.message);
    if (status === 413 || maybe.code === "LIMIT_FILE_SIZE")
      return new AppError("BODY_TOO_LARGE", maybe.message);
    if (status === 415) return new AppError("UNSUPPORTED_MEDIA_TYPE", maybe.message);
    if (status === 400 && /json/i.test(maybe.message ?? "")) return new AppError("MALFORMED_JSON");
    if (status === 401) return new AppError("AUTH_REQUIRED", maybe.message);
    if (status === 403) return new AppError("FORBIDDEN", maybe.message);
    if (status >= 400 && status < 500) return new AppError("VALIDATION_FAILED", maybe.message);
  }
  return asAppError(exception);
}

/**
 * Express middleware: request id, context and one log line per request. Install with
 * `app.use(requestContextMiddleware(logger))` before routes.
 */
export function requestContextMiddleware(
  logger: Logger,
  quietPaths = ["/health", "/health/ready"],
) {
  const quiet = new Set(quietPaths);
  return (req: Request & { requestId?: string }, res: Response, next: NextFunction) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    req.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = performance.now();
    res.on("finish", () => {
      // Express keeps the matched route's template on req.route (relative to its router).
      const template = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof template === "string" ? req.baseUrl + template : undefined;
      if (route !== METRICS_PATH) {
        const seconds = (performance.now() - started) / 1000;
        observeRequest({ method: req.method, route, status: res.statusCode, seconds });
      }
      if (quiet.has(req.path)) return;
      runWithContext({ requestId }, () =>
        logRequest(logger, {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          durationMs: performance.now() - started,
        }),
      );
    });
    runWithContext({ requestId }, next);
  };
}

/** Mounts `/health`, `/health/ready` and `/metrics` on the underlying HTTP adapter. */
export function mountOperationalRoutes(
  app: INestApplication,
  options: { name: string; health: Health },
): void {
  const { health } = options;
  startMetrics(options.name);
  const http = app.getHttpAdapter();
  http.get(METRICS_PATH, async (req: Request, res: Response) => {
    const answer = await metricsAnswer(req.headers.authorization);
    res.status(answer.status).type(answer.contentType).send(answer.body);
  });
  http.get("/health", (_req: Request, res: Response) => {
    res.json(health.live());
  });
  http.get("/health/ready", async (_req: Request, res: Response) => {
    const report = await health.ready();
    res.status(report.status === "ok" ? 200 : 503).json(report);
  });
}

/**
 * Validates a parameter with a zod schema; failures are VALIDATION_FAILED with field errors.
 *
 * @example
 * list(@Query(new ZodPipe(ProductQuery, "query")) query: ProductQuery) {}
 */
export class ZodPipe<T> implements PipeTransform<unknown, T> {
  constructor(
    private readonly schema: ZodType<T>,
    private readonly part: "body" | "query" | "params" = "body",
  ) {}

  transform(value: unknown): T {
    const result = this.schema.safeParse(value);
    if (!result.success) throw validationError(result.error, this.part);
    return result.data;
  }
}

/** Injection token of the {@link AccessCheck} (verifier and internal key) the guard uses. */
export const ACCESS_CHECK = Symbol.for("shop.platform.access-check");
const ACCESS_RULE = "shop:access";

/** A route's access rule, on a handler or a controller; routes without one are public. */
export const Access = (rule: RouteAccess) => SetMetadata(ACCESS_RULE, rule);

type CallerRequest = Request & { caller?: Caller };

/** The identity hook for Nest: register as `{ provide: APP_GUARD, useClass: AccessGuard }`. */
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly check: AccessCheck,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_RULE, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!rule) return true;
    const request = ctx.switchToHttp().getRequest<CallerRequest>();
    request.caller = await authorize(callerHeaders(request.headers), rule, this.check);
    return true;
  }
}
// Decorators applied as calls: this package is compiled without decorator support.
Injectable()(AccessGuard);
Inject(Reflector)(AccessGuard, undefined, 0);
Inject(ACCESS_CHECK)(AccessGuard, undefined, 1);

/** The user the guard admitted (undefined for anonymous callers of optional routes). */
export const CurrentIdentity = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Identity | undefined => {
    const caller = ctx.switchToHttp().getRequest<CallerRequest>().caller;
    return caller?.kind === "user" ? caller.identity : undefined;
  },
);
