/**
 * Fastify adapter: request ids and context, problem-details errors, request logs, health routes,
 * zod validation that also feeds the OpenAPI document, `/docs`, and graceful serving.
 */
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type onRequestAsyncHookHandler,
} from "fastify";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import {
  authorize,
  callerHeaders,
  userOf,
  type AccessCheck,
  type Caller,
  type RouteAccess,
} from "../access.js";
import { REQUEST_ID_HEADER, requestIdFrom, runWithContext } from "../context.js";
import { AppError, type FieldError } from "../errors/app-error.js";
import { toProblem } from "../errors/problem.js";
import type { Health } from "../health.js";
import { logRequest, type Logger } from "../logging.js";
import type { Identity } from "../identity.js";
import { METRICS_PATH, metricsAnswer, observeRequest, startMetrics } from "../metrics.js";
import { runService, type RunServiceOptions } from "../shutdown.js";

declare module "fastify" {
  interface FastifyRequest {
    /** Set by an {@link accessHook} hook. */
    caller?: Caller;
  }
}

/** A Fastify instance with the zod type provider. */
export type App = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface FastifyAppOptions {
  name: string;
  logger: Logger;
  health: Health;
  /** OpenAPI info; `/docs` serves the UI and `/docs/json` the document. */
  openapi?: { title: string; version?: string; description?: string };
  /** Max request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Paths not logged per request (default: health). */
  quietPaths?: string[];
}

/**
 * Builds a Fastify app with the platform's conventions. Register routes on the result.
 *
 * @example
 * const app = await createFastifyApp({ name: "bff", logger, health, openapi: { title: "BFF" } });
 * app.get("/api/home", { schema: { response: { 200: HomePage } } }, handler);
 */
export async function createFastifyApp(options: FastifyAppOptions): Promise<App> {
  const { logger, health } = options;
  const quiet = new Set(options.quietPaths ?? ["/health", "/health/ready"]);
  startMetrics(options.name);
  const app = Fastify({
    loggerInstance: logger,
    // Our onResponse hook writes one line per request instead of Fastify's two.
    logController: new LogController({
      disableRequestLogging: true,
      requestIdLogLabel: "requestId",
    }),
    // The logger's mixin already adds requestId from the request context; a per-request child
    // logger would print it twice.
    childLoggerFactory: (parent) => parent,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    genReqId: (req) => requestIdFrom(req.headers[REQUEST_ID_HEADER]),
    requestIdHeader: false,
    return503OnClosing: true,
    forceCloseConnections: "idle",
    ajv: { customOptions: { coerceTypes: "array", removeAdditional: false } },
    // The router's own refusals (a broken percent-encoding such as `%ZZ`, a path parameter over
    // maxParamLength) come before any hook or error handler: without this they are Fastify's
    // plain JSON, not problem details.
    frameworkErrors: sendRouterRefusal,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook("onRequest", (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    runWithContext({ requestId: request.id }, done);
  });
  app.addHook("onResponse", (request, reply, done) => {
    const path = request.url.split("?")[0] ?? request.url;
    const route = request.is404 ? undefined : request.routeOptions.url;
    if (route !== METRICS_PATH) {
      const seconds = reply.elapsedTime / 1000;
      observeRequest({ method: request.method, route, status: reply.statusCode, seconds });
    }
    if (!quiet.has(path)) {
      logRequest(logger, {
        method: request.method,
        path,
        status: reply.statusCode,
        durationMs: reply.elapsedTime,
      });
    }
    done();
  });

  app.setErrorHandler((error, request, reply) => {
    const rendered = toProblem(normaliseFastifyError(error), request.id, request.url);
    if (rendered.status >= 500) request.log.error({ err: error }, "request failed");
    void reply.code(rendered.status).headers(rendered.headers).send(rendered.body);
  });
  app.setNotFoundHandler((request, reply) => {
    const rendered = toProblem(
      new AppError(
        "ROUTE_NOT_FOUND",
        `No route for ${request.method} ${request.url.split("?")[0]}`,
      ),
      request.id,
      request.url,
    );
    void reply.code(404).headers(rendered.headers).send(rendered.body);
  });

  if (options.openapi) {
    await app.register(swagger, {
      openapi: {
        info: {
          title: options.openapi.title,
          version: options.openapi.version ?? "1.0.0",
          description: options.openapi.description ?? "",
        },
        // Routes may name these in `schema.security` (`[{ bearerAuth: [] }]`).
        components: {
          securitySchemes: {
            bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
            internalKey: { type: "apiKey", in: "header", name: "X-Internal-Key" },
          },
        },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, { routePrefix: "/docs" });
  }

  app.get("/health", { schema: { hide: true } }, async () => health.live());
  app.get(METRICS_PATH, { schema: { hide: true } }, async (request, reply) => {
    const answer = await metricsAnswer(request.headers.authorization);
    return reply.code(answer.status).type(answer.contentType).send(answer.body);
  });
  app.get("/health/ready", { schema: { hide: true } }, async (_request, reply) => {
    const report = await health.ready();
    return reply.code(report.status === "ok" ? 200 : 503).send(report);
  });

  return app as unknown as App;
}

/** What the router refused, as a catalogue error (VALIDATION_FAILED on the path). */
function sendRouterRefusal(error: { code?: string }, request: FastifyRequest, reply: FastifyReply) {
  const rendered = toProblem(routerRefusal(error), request.id, request.url);
  void reply
    .code(rendered.status)
    .header(REQUEST_ID_HEADER, request.id)
    .headers(rendered.headers)
    .send(rendered.body);
}

function routerRefusal(error: { code?: string }): AppError {
  const message =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? "A path segment is longer than this route accepts"
      : error.code === "FST_ERR_BAD_URL"
        ? "The path is not a valid URL (broken percent-encoding)"
        : "The path could not be routed";
  return new AppError("VALIDATION_FAILED", message, { errors: [{ field: "path", message }] });
}

function normaliseFastifyError(error: unknown): unknown {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext === "querystring" ? "query" : error.validationContext;
    const errors: FieldError[] = error.validation.map((issue) => {
      const path = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
      const field = part === "body" ? path || "(body)" : [part, path].filter(Boolean).join(".");
      return { field, message: issue.message ?? "is not valid" };
    });
    const first = errors[0];
    const detail =
      errors.length === 1 && first
        ? `${first.field}: ${first.message}`
        : `${errors.length} fields are not valid`;
    return new AppError("VALIDATION_FAILED", detail, { errors });
  }
  const code = (error as { code?: string }).code;
  if (code === "FST_ERR_CTP_INVALID_JSON_BODY" || error instanceof SyntaxError) {
    return new AppError("MALFORMED_JSON", "The request body is not valid JSON");
  }
  if (code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
    return new AppError("MALFORMED_JSON", "The request body is empty but declared as JSON");
  }
  if (code === "FST_ERR_CTP_BODY_TOO_LARGE") return new AppError("BODY_TOO_LARGE");
  if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
    return new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json");
  }
  return error;
}

export interface ServeOptions extends Omit<RunServiceOptions, "start" | "logger"> {
  port: number;
  host?: string;
}

/**
 * Listens and wires graceful shutdown (SIGTERM/SIGINT: stop accepting, drain, close resources).
 *
 * @example
 * await serveFastify(app, { name: "bff", port: config.PORT, health, resources: [product] });
 */
export async function serveFastify(app: App, options: ServeOptions): Promise<void> {
  await runService({
    ...options,
    logger: app.log as unknown as Logger,
    start: async () => {
      await app.listen({ port: options.port, host: options.host ?? "0.0.0.0" });
      return { close: () => app.close() };
    },
  });
}

/**
 * The identity hook: one onRequest hook per access rule. It runs before body validation, so an
 * anonymous caller gets its 401 before any 400 tells it about the route.
 *
 * @example
 * const access = accessHook({ verifier, internalKey: config.INTERNAL_KEY });
 * app.get("/api/orders", { onRequest: access({ roles: ["customer", "admin"] }) }, (request) =>
 *   orders.list(identityOf(request)));
 */
export type AccessHook = (rule?: RouteAccess) => onRequestAsyncHookHandler;

export function accessHook(check: AccessCheck): AccessHook {
  return (rule = {}) =>
    async function authorizeRequest(request: FastifyRequest) {
      request.caller = await authorize(callerHeaders(request.headers), rule, check);
    };
}

/** The caller the route's access hook admitted (anonymous when the route has no hook). */
export function callerOf(request: FastifyRequest): Caller {
  return request.caller ?? { kind: "anonymous" };
}

/** The signed-in (or guest) user of the request; AUTH_REQUIRED for anyone else. */
export function identityOf(request: FastifyRequest): Identity {
  return userOf(request.caller);
}
