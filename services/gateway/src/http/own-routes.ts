/** The gateway's own endpoints: /health, /health/ready, /metrics, /docs and /docs/openapi.json. */
import { metricsAnswer, openApiPage, type Health, type Logger } from "@shop/platform";
import type { IncomingMessage, ServerResponse } from "node:http";
import { openApiDocument } from "../docs/docs.js";
import type { Route } from "../routing/router.js";
import { sendJson } from "./respond.js";

export function ownRoutes(health: Health, routes: readonly Route[], logger: Logger) {
  let openApi: string | undefined;
  let html: string | undefined;
  return (req: IncomingMessage, res: ServerResponse, path: string, extra: string[]): boolean => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    switch (path) {
      case "/health":
        sendJson(res, 200, health.live(), extra);
        return true;
      case "/health/ready":
        health.ready().then(
          (report) => sendJson(res, report.status === "ok" ? 200 : 503, report, extra),
          (error: unknown) => {
            logger.error({ err: error }, "readiness check failed");
            sendJson(res, 503, { status: "unavailable" }, extra);
          },
        );
        return true;
      case "/metrics":
        void metricsAnswer(req.headers.authorization).then((answer) => {
          res.writeHead(answer.status, ["content-type", answer.contentType, ...extra]);
          res.end(answer.body);
        });
        return true;
      case "/docs/openapi.json":
      case "/docs/json":
        openApi ??= JSON.stringify(openApiDocument(routes));
        res.writeHead(200, ["content-type", "application/json; charset=utf-8", ...extra]);
        res.end(openApi);
        return true;
      case "/docs":
        html ??= openApiPage(openApiDocument(routes), "/docs/openapi.json");
        res.writeHead(200, ["content-type", "text/html; charset=utf-8", ...extra]);
        res.end(html);
        return true;
      default:
        return false;
    }
  };
}
