/**
 * What the fuzz suite aims at: the operations the services document in their own OpenAPI
 * documents, mapped to the public routes of gateway.yaml (what the gateway does not publish is
 * skipped).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

export type Schema = Record<string, unknown>;

export interface GatewayRoute {
  id: string;
  path: string;
  methods: string[];
  upstream: string;
  policy: string;
  bodyLimit: number;
}

export interface Operation {
  part: string;
  method: string;
  /** Public path template (`{name}` for path parameters). */
  path: string;
  route: GatewayRoute;
  pathParams: string[];
  queryParams: string[];
  contentTypes: string[];
  /** The JSON (or form) body's schema with local $refs resolved, if the operation takes one. */
  bodySchema?: Schema;
}

/** The parts that serve an OpenAPI document at /docs/json behind the gateway. */
export const DOC_PARTS = ["auth", "member", "product", "cart", "order", "payment", "bff"] as const;

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
function bytes(size: unknown, fallback: number): number {
  if (typeof size === "number") return size;
  const m = /^(\d+)\s*(b|kb|mb|gb)$/i.exec(String(size ?? ""));
  return m ? Number(m[1]) * SIZE_UNITS[m[2]!.toLowerCase()]! : fallback;
}

/** gateway.yaml's routes in order (the first whose path and method match wins). */
export function gatewayRoutes(): GatewayRoute[] {
  const file = join(import.meta.dirname, "../../../services/gateway/gateway.yaml");
  const config = parse(readFileSync(file, "utf8")) as {
    defaults?: { bodyLimit?: unknown };
    routes: Array<Record<string, unknown>>;
  };
  const fallback = bytes(config.defaults?.bodyLimit, 1024 ** 2);
  return config.routes.map((r) => {
    if (r.rewrite) throw new Error(`route ${String(r.id)} rewrites paths: teach the fuzz suite`);
    return {
      id: String(r.id),
      path: String(r.path),
      methods: (r.methods as string[]).map((m) => m.toUpperCase()),
      upstream: String(r.upstream),
      policy: String(r.policy),
      bodyLimit: bytes(r.bodyLimit, fallback),
    };
  });
}

function matches(pattern: string, path: string): boolean {
  const want = pattern.split("/");
  const got = path.split("/");
  const wildcard = want.at(-1) === "*";
  if (wildcard) want.pop();
  if (wildcard ? got.length < want.length : got.length !== want.length) return false;
  return want.every((segment, i) => segment.startsWith(":") || segment === got[i]);
}

/** The gateway route that answers `method path`, as the gateway picks it. */
export function routeFor(routes: GatewayRoute[], method: string, path: string) {
  return routes.find((r) => r.methods.includes(method) && matches(r.path, path));
}

function resolve(doc: Schema, value: unknown): Schema | undefined {
  if (!value || typeof value !== "object") return undefined;
  const ref = (value as { $ref?: string }).$ref;
  if (!ref) return value as Schema;
  let target: unknown = doc;
  for (const key of ref.replace(/^#\//, "").split("/")) target = (target as Schema)[key];
  return resolve(doc, target);
}

/** Deep copy of `schema` with every local $ref replaced by its target. */
function inline(doc: Schema, schema: unknown, depth = 0): unknown {
  if (Array.isArray(schema)) return schema.map((s) => inline(doc, s, depth));
  if (!schema || typeof schema !== "object" || depth > 12) return schema;
  const resolved = resolve(doc, schema) ?? {};
  return Object.fromEntries(
    Object.entries(resolved).map(([k, v]) => [k, inline(doc, v, depth + 1)]),
  );
}

const METHODS = ["get", "post", "put", "patch", "delete"];

/** The public operations of one part's OpenAPI document; `skipped` lists the rest and why. */
export function publicOperations(part: string, doc: Schema, routes: GatewayRoute[]) {
  const operations: Operation[] = [];
  const skipped: string[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Schema>)) {
    for (const [verb, raw] of Object.entries(item)) {
      if (!METHODS.includes(verb)) continue;
      const method = verb.toUpperCase();
      const route = routeFor(routes, method, path.replace(/\{[^}]+\}/g, "x"));
      if (path.startsWith("/internal/") || !route || route.upstream !== part) {
        skipped.push(`${part} ${method} ${path}: not published by the gateway`);
        continue;
      }
      const op = raw as Schema;
      const params = ((op.parameters as unknown[]) ?? []).map((p) => resolve(doc, p) ?? {});
      const content = (resolve(doc, op.requestBody)?.content ?? {}) as Record<string, Schema>;
      const contentTypes = Object.keys(content);
      const schema = content["application/json"]?.schema ?? Object.values(content)[0]?.schema;
      operations.push({
        part,
        method,
        path,
        route,
        pathParams: params.filter((p) => p.in === "path").map((p) => String(p.name)),
        queryParams: params.filter((p) => p.in === "query").map((p) => String(p.name)),
        contentTypes,
        ...(schema ? { bodySchema: inline(doc, schema) as Schema } : {}),
      });
    }
  }
  return { operations, skipped };
}
