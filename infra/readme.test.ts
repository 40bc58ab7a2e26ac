// The README's parts table is the manifest's (regenerate with `node --import tsx infra/readme-parts.ts --write`).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { readmePath, withPartsTable } from "./readme-parts.js";

test("README parts table and request-path diagram match infra/parts.ts", () => {
  const readme = readFileSync(readmePath, "utf8");
  assert.equal(
    readme,
    withPartsTable(readme),
    "run: node --import tsx infra/readme-parts.ts --write",
  );
});

test("README shows the two commands", () => {
  const readme = readFileSync(readmePath, "utf8");
  assert.match(readme, /npm start/);
  assert.match(readme, /npm test/);
});
