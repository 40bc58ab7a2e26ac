/**
 * The docs page of a part that has no UI library for it: the OpenAPI document as one
 * self-contained HTML page (no external assets, so it works offline), linking to the JSON.
 * The Fastify services use @fastify/swagger-ui instead.
 */

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Array<Record<string, unknown>>;
  parameters?: Array<{
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: unknown;
  }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: unknown }> }
  >;
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  /** Operations are read as far as they follow OpenAPI 3.1; anything else is left out. */
  paths?: Record<string, object>;
}

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

const schemaBlock = (schema: unknown) =>
  schema
    ? `<details><summary>schema</summary><pre>${escape(JSON.stringify(schema, null, 2))}</pre></details>`
    : "";

function operationHtml(method: string, path: string, op: Operation): string {
  const params = (op.parameters ?? [])
    .map(
      (p) =>
        `<tr><td><code>${escape(p.name)}</code></td><td>${p.in}</td><td>${p.required ? "yes" : ""}</td><td>${escape(
          p.description ?? "",
        )} <code>${escape(JSON.stringify(p.schema ?? {}))}</code></td></tr>`,
    )
    .join("");
  const body = Object.entries(op.requestBody?.content ?? {})
    .map(([type, media]) => `<p>Body <code>${escape(type)}</code></p>${schemaBlock(media.schema)}`)
    .join("");
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => {
      const media = Object.entries(r.content ?? {})[0];
      return `<li><b>${status}</b> ${escape(r.description ?? "")}${media ? ` <code>${escape(media[0])}</code>${schemaBlock(media[1].schema)}` : ""}</li>`;
    })
    .join("");
  const auth = op.security?.length
    ? `<span class="auth">${escape(Object.keys(op.security[0] ?? {}).join(", "))}</span>`
    : "";
  return `<section id="${escape(`${method}-${path}`)}">
    <h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code> ${auth}</h3>
    <p>${escape(op.summary ?? "")}</p>${op.description ? `<p class="d">${escape(op.description)}</p>` : ""}
    ${params ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>about</th></tr>${params}</table>` : ""}
    ${body}<ul>${responses}</ul></section>`;
}

export function openApiPage(document: OpenApiDocument, jsonPath = "/docs/json"): string {
  const sections = Object.entries(document.paths ?? {})
    .flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => operationHtml(method, path, op as Operation)),
    )
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(document.info.title)} API</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d2330}
section{border-top:1px solid #e3e6ec;padding:.5rem 0}h3{margin:.4rem 0;font-size:1rem}
.m{display:inline-block;min-width:4.2rem;text-align:center;border-radius:4px;color:#fff;padding:0 .3rem;font-size:.8rem}
.get{background:#2f7d4f}.post{background:#2c5fb8}.put,.patch{background:#a86a12}.delete{background:#b3362f}
.auth{font-size:.75rem;border:1px solid #99a;border-radius:4px;padding:0 .3rem;color:#556}
table{border-collapse:collapse;font-size:.85rem}td,th{border:1px solid #e3e6ec;padding:.2rem .4rem;text-align:left}
pre{background:#f5f6f8;padding:.5rem;overflow:auto;font-size:.8rem}.d{color:#556}
</style></head><body>
<h1>${escape(document.info.title)} <small>${escape(document.info.version)}</small></h1>
<p>${escape(document.info.description ?? "")} Machine-readable document: <a href="${escape(jsonPath)}">${escape(jsonPath)}</a>.</p>
${sections}
</body></html>`;
}
