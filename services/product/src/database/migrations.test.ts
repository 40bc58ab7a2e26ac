// Committed migrations match the entities, and the database itself guards the stock rules.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createTestDatabase, type TestDatabase } from "@shop/test-kit";
import { DataSource } from "typeorm";
import { dataSourceOptions } from "./data-source.js";

let db: TestDatabase;
let source: DataSource;

before(async () => {
  db = await createTestDatabase("product_migrations");
  source = new DataSource(dataSourceOptions(db.url, 2));
  await source.initialize();
});
after(async () => {
  await source?.destroy();
  await db?.drop();
});

test("migrations run at initialise and leave nothing for schema sync to change", async () => {
  const applied: Array<{ name: string }> = await source.query("SELECT name FROM migrations");
  assert.deepEqual(
    applied.map((m) => m.name),
    ["Initial1767225600000"],
  );
  const pending = await source.driver.createSchemaBuilder().log();
  assert.deepEqual(
    pending.upQueries.map((q) => q.query),
    [],
    "entities drifted from the migrations: add a migration",
  );
});

test("the trigram search index exists and is used for searches", async () => {
  const index: unknown[] = await source.query(
    "SELECT 1 FROM pg_indexes WHERE indexname = 'IDX_products_search_trgm'",
  );
  assert.equal(index.length, 1);
  await source.query("SET enable_seqscan = off");
  const plan: Array<{ "QUERY PLAN": string }> = await source.query(
    `EXPLAIN SELECT id FROM products p WHERE lower(p.name || ' ' || p.brand || ' ' || p.description) LIKE '%티셔츠%'`,
  );
  assert.match(plan.map((row) => row["QUERY PLAN"]).join("\n"), /IDX_products_search_trgm/);
  await source.query("RESET enable_seqscan");
});

test("CHECK constraints refuse negative stock, prices and bad ratings", async () => {
  const [{ id: categoryId }] = await source.query(
    "INSERT INTO categories (name, slug, icon_code) VALUES ('의류', 'clothing', 'shirt') RETURNING id",
  );
  const insert = (stock: number, price = 1000, original = 1000) =>
    source.query(
      "INSERT INTO products (name, slug, brand, category_id, price, original_price, stock) VALUES ('x', $1, 'b', $2, $3, $4, $5) RETURNING id",
      [`p-${Math.random()}`, categoryId, price, original, stock],
    );
  await assert.rejects(insert(-1), /CHK_products_stock_nonneg/);
  await assert.rejects(insert(1, -5, 0), /CHK_products_price_nonneg|CHK_products_original_price/);
  await assert.rejects(insert(1, 2000, 1000), /CHK_products_original_price/);
  const [{ id }] = await insert(1);
  await assert.rejects(
    source.query("UPDATE products SET stock = stock - 2 WHERE id = $1", [id]),
    /CHK_products_stock_nonneg/,
  );
  await assert.rejects(
    source.query(
      "INSERT INTO reviews (product_id, member_id, author_name, rating, text) VALUES ($1, 'm', 'a', 6, 't')",
      [id],
    ),
    /CHK_reviews_rating/,
  );
});
