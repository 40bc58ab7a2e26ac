import type { Metadata } from "next";
import { openApiDocument } from "@/lib/openapi";

export const metadata: Metadata = { title: "API 문서", robots: { index: false } };

/** `/docs`: the storefront's own routes, from the same document as /docs/openapi.json. */
export default function DocsPage() {
  const doc = openApiDocument();
  return (
    <main id="main" className="mx-auto max-w-3xl bg-white px-4 py-8">
      <h1 className="text-2xl font-bold">storefront API</h1>
      <p className="mt-1 text-sm text-muted">
        {doc.info.description} Machine-readable:{" "}
        <a className="text-brand underline" href="/docs/openapi.json">
          /docs/openapi.json
        </a>
      </p>
      <ul className="mt-6 flex flex-col gap-4">
        {Object.entries(doc.paths).flatMap(([path, operations]) =>
          Object.entries(operations).map(([method, operation]) => (
            <li key={`${method} ${path}`} className="rounded-xl border border-slate-200 p-4">
              <p className="font-mono text-sm font-bold">
                {method.toUpperCase()} {path}
              </p>
              <p className="text-sm">{operation.summary}</p>
              <p className="mt-1 text-xs text-muted">
                answers: {Object.keys(operation.responses).join(", ")}
              </p>
            </li>
          )),
        )}
      </ul>
    </main>
  );
}
