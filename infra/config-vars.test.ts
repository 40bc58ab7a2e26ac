// Every variable a part is given — by the manifest, the compose file or its .env.example — is one
// its configuration reads, and its .env.example lists every variable its configuration reads.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { parts, type Part, type StackEnv } from "./parts.js";

const root = join(import.meta.dirname, "..");

/** What the platform's shared config pieces contribute (packages/platform/src/config.ts). */
const HELPERS: Record<string, string[]> = {
  serviceEnv: ["NODE_ENV", "PORT", "LOG_LEVEL"],
  redisEnv: ["REDIS_URL", "REDIS_PREFIX"],
  internalKeyEnv: ["INTERNAL_KEY"],
};
/**
 * Read by the runtime, not by the part's config (Next.js listens on PORT itself), or by the
 * platform for every part (metrics: packages/platform/src/metrics.ts; tracing: OTel's own variables).
 */
const RUNTIME = new Set([
  "BUN_CONFIG_MAX_HTTP_REQUESTS",
  "NEXT_TELEMETRY_DISABLED",
  "PORT",
  "METRICS",
  "METRICS_TOKEN",
  "OTEL_EXPORTER_OTLP_ENDPOINT",
  "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
  "OTEL_SERVICE_NAME",
]);

/** The gateway reads `<UPSTREAM>_URL` for every upstream its route file names. */
function gatewayUpstreamVariables(): string[] {
  const file = parse(readFileSync(join(root, "services/gateway/gateway.yaml"), "utf8")) as {
    upstreams: Record<string, unknown>;
  };
  return Object.keys(file.upstreams).map(
    (name) => `${name.toUpperCase().replaceAll("-", "_")}_URL`,
  );
}

/** The variables `src/config.ts` declares: the keys of its zod shape and the helpers it spreads. */
export function configVariables(part: Part): Set<string> {
  const source = readFileSync(join(root, part.folder, "src/config.ts"), "utf8");
  const names = new Set<string>();
  for (const match of source.matchAll(/^\s+([A-Z][A-Z0-9_]*)\s*:/gm)) names.add(match[1]!);
  for (const match of source.matchAll(/\.\.\.(\w+Env)\(/g))
    for (const name of HELPERS[match[1]!] ?? []) names.add(name);
  if (part.name === "gateway") for (const name of gatewayUpstreamVariables()) names.add(name);
  return names;
}

function envExampleVariables(part: Part): Set<string> {
  const source = readFileSync(join(root, part.folder, ".env.example"), "utf8");
  // A commented `# NAME=…` line documents a variable whose default is computed.
  return new Set([...source.matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
}

const compose = parse(readFileSync(join(root, "infra/docker-compose.yml"), "utf8"), {
  merge: true,
}) as { services: Record<string, { environment?: Record<string, string> }> };

const stackEnv: StackEnv = {
  url: (name) => `http://${name}:1`,
  port: () => 1,
  dataDir: "/data",
};

function unread(given: Iterable<string>, read: Set<string>): string[] {
  return [...given].filter((name) => !read.has(name) && !RUNTIME.has(name)).sort();
}

test("the manifest gives each part only variables its configuration reads", () => {
  for (const part of parts) {
    assert.deepEqual(unread(Object.keys(part.env(stackEnv)), configVariables(part)), [], part.name);
  }
});

test("the compose file gives each service only variables its configuration reads", () => {
  for (const part of parts) {
    const environment = compose.services[part.name]?.environment ?? {};
    assert.deepEqual(unread(Object.keys(environment), configVariables(part)), [], part.name);
  }
});

test("each .env.example lists exactly the variables its configuration reads", () => {
  for (const part of parts) {
    const listed = envExampleVariables(part);
    const read = configVariables(part);
    assert.deepEqual(unread(listed, read), [], `${part.name}/.env.example lists unread variables`);
    assert.deepEqual(
      [...read].filter((name) => !listed.has(name)).sort(),
      [],
      `${part.name}/.env.example misses variables its config reads`,
    );
  }
});

/** The part a `<NAME>_URL` variable points at (`PUBLIC_URL` is the edge, the shop's front door). */
function partOfUrlVariable(name: string): Part | undefined {
  if (name === "PUBLIC_URL") return parts.find((p) => p.name === "edge-proxy");
  const stem = name.replace(/_URL$/, "").toLowerCase().replaceAll("_", "-");
  return parts.find((p) => p.name === stem);
}

/** Every `NAME…http://127.0.0.1:<port>` / `localhost:<port>` default in a text, by variable. */
function localDefaults(text: string): Array<{ name: string; port: number }> {
  const found: Array<{ name: string; port: number }> = [];
  const pattern = /\b([A-Z][A-Z0-9_]*_URL)\b[^\n]*?https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)/g;
  for (const match of text.matchAll(pattern))
    found.push({ name: match[1]!, port: Number(match[2]) });
  return found;
}

test("each port is the manifest's wherever it is restated: config defaults, .env.example, gateway.yaml", () => {
  const mismatches: string[] = [];
  for (const part of parts) {
    const config = readFileSync(join(root, part.folder, "src/config.ts"), "utf8");
    const own = /serviceEnv\((\d+)\)/.exec(config);
    if (own && Number(own[1]) !== part.port)
      mismatches.push(`${part.name} config listens on ${own[1]}, the manifest says ${part.port}`);
    const example = readFileSync(join(root, part.folder, ".env.example"), "utf8");
    const port = /^PORT=(\d+)$/m.exec(example);
    if (port && Number(port[1]) !== part.port)
      mismatches.push(`${part.name}/.env.example PORT=${port[1]}, the manifest says ${part.port}`);
    for (const [where, text] of [
      ["config", config],
      [".env.example", example],
    ] as const) {
      for (const { name, port } of localDefaults(text)) {
        const target = partOfUrlVariable(name);
        if (target && target.port !== port)
          mismatches.push(
            `${part.name} ${where}: ${name} → :${port}, ${target.name} is :${target.port}`,
          );
      }
    }
  }
  const gateway = parse(readFileSync(join(root, "services/gateway/gateway.yaml"), "utf8")) as {
    upstreams: Record<string, { url: string }>;
  };
  for (const [name, upstream] of Object.entries(gateway.upstreams)) {
    const target = parts.find((p) => p.name === name);
    const port = Number(new URL(upstream.url).port);
    if (!target)
      mismatches.push(`gateway.yaml names an upstream ${name} the manifest does not have`);
    else if (target.port !== port)
      mismatches.push(`gateway.yaml ${name} → :${port}, the manifest says :${target.port}`);
  }
  assert.deepEqual(mismatches, []);
});
