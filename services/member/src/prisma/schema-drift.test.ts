import { migrate } from "@shop/platform/postgres";
import { createTestDatabase, type TestDatabase } from "@shop/test-kit";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { MIGRATIONS_DIR } from "../app.js";
import { diffDatabaseToSchema, SCHEMA_FILE } from "./schema-diff.js";

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase("member_drift");
  await migrate(db.url, MIGRATIONS_DIR);
});
after(() => db.drop());

test("the committed migrations produce exactly the schema in prisma/schema.prisma", async () => {
  const diff = await diffDatabaseToSchema(db.url);
  assert.ok(diff.inSync, `migrations and schema.prisma differ; add a migration with:\n${diff.sql}`);
});

test("the drift check notices a schema change the migrations lack", async () => {
  const changed = readFileSync(SCHEMA_FILE, "utf8").replace(
    "  phone               String?        @db.VarChar(30)",
    "  phone               String?        @db.VarChar(30)\n  nickname            String?",
  );
  assert.match(changed, /nickname/);
  const diff = await diffDatabaseToSchema(db.url, changed);
  assert.equal(diff.inSync, false);
  assert.match(diff.sql, /ALTER TABLE "members" ADD COLUMN\s+"nickname" TEXT/);
});
