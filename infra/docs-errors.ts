/**
 * Renders docs/errors.md from the error catalogue. `node --import tsx infra/docs-errors.ts --write`;
 * packages/platform's catalogue test fails when the page is stale.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { catalogue, problemType } from "../packages/platform/src/errors/catalogue.js";

export const errorsDocPath = join(import.meta.dirname, "..", "docs", "errors.md");

export function errorsMarkdown(): string {
  const rows = Object.entries(catalogue).map(
    ([code, { status, title }]) =>
      `| \`${code}\` | ${status} | ${title} | \`${problemType(code as keyof typeof catalogue)}\` |`,
  );
  return [
    "# Error catalogue",
    "",
    "Every non-2xx JSON answer of every part is RFC 9457 problem details:",
    "",
    "```json",
    '{ "type": "/problems/validation-failed", "title": "The request is not valid", "status": 400,',
    '  "detail": "email: Invalid email address", "code": "VALIDATION_FAILED", "requestId": "…",',
    '  "errors": [{ "field": "email", "message": "Invalid email address" }] }',
    "```",
    "",
    "`code` is stable: clients may branch on it. Codes are added, never renamed or reused.",
    "This page is generated from `packages/platform/src/errors/catalogue.ts`",
    "(`node --import tsx infra/docs-errors.ts --write`).",
    "",
    "| code | status | title | type |",
    "|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

if (process.argv.includes("--write")) writeFileSync(errorsDocPath, errorsMarkdown());
