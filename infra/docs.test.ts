// Generated documentation is current.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { errorsDocPath, errorsMarkdown } from "./docs-errors.js";

test("docs/errors.md lists the whole error catalogue", () => {
  assert.equal(
    readFileSync(errorsDocPath, "utf8"),
    errorsMarkdown(),
    "run: node --import tsx infra/docs-errors.ts --write",
  );
});
