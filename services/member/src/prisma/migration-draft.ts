/**
 * `npm run migration:draft`: prints the SQL that takes a database built from the committed
 * migrations to prisma/schema.prisma. Review it, then commit it as the next migrations/NNNN_*.sql.
 */
import { migrate } from "@shop/platform/postgres";
import { createTestDatabase } from "@shop/test-kit";
import { MIGRATIONS_DIR } from "../app.js";
import { diffDatabaseToSchema } from "./schema-diff.js";

const db = await createTestDatabase("member_draft");
try {
  await migrate(db.url, MIGRATIONS_DIR);
  const diff = await diffDatabaseToSchema(db.url);
  console.log(diff.inSync ? "-- The migrations already match schema.prisma." : diff.sql);
} finally {
  await db.drop();
}
