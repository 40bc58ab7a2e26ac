/**
 * Reads gateway.yaml: YAML syntax and the zod schema are both checked, and every problem is
 * reported with the file, line and column at fault so a bad file stops the start clearly.
 */
import { readFileSync } from "node:fs";
import { isMap, isNode, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { z } from "zod";
import { createRouter } from "../routing/router.js";
import { GatewayFile } from "./schema.js";

export class GatewayConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid gateway configuration ${file}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "GatewayConfigError";
  }
}

/** Reads and validates a configuration file. */
export function loadGatewayFile(path: string): GatewayFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new GatewayConfigError(path, [`cannot read the file: ${(error as Error).message}`]);
  }
  return parseGatewayFile(text, path);
}

/** Validates configuration text; `source` names it in error messages. */
export function parseGatewayFile(text: string, source = "gateway.yaml"): GatewayFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new GatewayConfigError(
      source,
      doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        return `${source}:${pos.line}:${pos.col} ${firstLine(error.message)}`;
      }),
    );
  }
  const result = GatewayFile.safeParse(doc.toJS());
  if (!result.success) {
    throw new GatewayConfigError(
      source,
      result.error.issues.map((issue) => describe(issue, doc, lineCounter, source)),
    );
  }
  const extra = crossChecks(result.data);
  if (extra.length) {
    throw new GatewayConfigError(
      source,
      extra.map(({ path, message }) =>
        describe(
          { code: "custom", path, message, input: undefined } as z.core.$ZodIssue,
          doc,
          lineCounter,
          source,
        ),
      ),
    );
  }
  return result.data;
}

/** Checks across sections: idempotent routes end before their claim does; warm-up paths are cached routes. */
function crossChecks(file: GatewayFile): { path: (string | number)[]; message: string }[] {
  const router = createRouter(file);
  const problems: { path: (string | number)[]; message: string }[] = [];
  // A claim that expired while its request still runs would let a retry execute a second time.
  file.routes.forEach((route, index) => {
    const timeout = route.timeout ?? file.upstreams[route.upstream]?.timeout ?? 0;
    if (route.idempotency !== "off" && timeout >= file.idempotency.inFlight) {
      problems.push({
        path: ["routes", index, "idempotency"],
        message: `the route may run ${timeout} ms, longer than idempotency.inFlight (${file.idempotency.inFlight} ms)`,
      });
    }
  });
  file.warmUp.paths.forEach((target, index) => {
    const [path = "/"] = target.split("?", 1);
    const match = router.match("GET", path);
    if (match.kind !== "route" || !match.route.cache) {
      problems.push({
        path: ["warmUp", "paths", index],
        message: `${target} is not served by a cached GET route`,
      });
    }
  });
  return problems;
}

function describe(
  issue: z.core.$ZodIssue,
  doc: Document,
  lines: LineCounter,
  source: string,
): string {
  const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
  let offset = locate(doc, path);
  let message = issue.message;
  if (issue.code === "unrecognized_keys") {
    const keyOffset = keyPosition(doc, path, issue.keys[0]);
    if (keyOffset !== undefined) offset = keyOffset;
    message = `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  }
  if (path.length > 0 && !doc.hasIn(path) && issue.code !== "unrecognized_keys")
    message = `missing: ${message}`;
  const where = path.length ? path.join(".") : "(file)";
  if (offset === undefined) return `${source} ${where}: ${message}`;
  const pos = lines.linePos(offset);
  return `${source}:${pos.line}:${pos.col} ${where}: ${message}`;
}

/** The start offset of the deepest node that exists along `path`. */
function locate(doc: Document, path: (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && (node as Node).range) return (node as Node).range![0];
  }
  return undefined;
}

function keyPosition(
  doc: Document,
  path: (string | number)[],
  key: string | undefined,
): number | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!key || !isMap(node)) return undefined;
  for (const pair of node.items) {
    if (isNode(pair.key) && String((pair.key as { value?: unknown }).value) === key)
      return (pair.key as Node).range?.[0];
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
