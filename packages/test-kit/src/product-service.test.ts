// The real product service started from its folder: ready, trusts the issuer, survives a restart, cleans up.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { testPostgresUrl } from "./databases.js";
import { startProductService, type ProductService } from "./product-service.js";
import { startTestIssuer, type TestIssuer } from "./token-issuer.js";

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

describe("startProductService", () => {
  let issuer: TestIssuer;
  let product: ProductService;
  before(async () => {
    issuer = await startTestIssuer();
    product = await startProductService({
      authUrl: issuer.url,
      seed: false,
      label: "testkit-product",
    });
  });
  after(async () => {
    await product?.close();
    await issuer?.close();
  });

  it("answers on its port with an empty catalogue and accepts the issuer's admin tokens", async () => {
    assert.equal(product.url, `http://127.0.0.1:${product.port}`);
    const list = await fetch(`${product.url}/api/v1/products`);
    assert.equal(list.status, 200);
    assert.equal(((await list.json()) as { total: number }).total, 0);
    const admin = await issuer.sign({ sub: randomUUID(), role: "admin" });
    const created = await fetch(`${product.url}/api/v1/categories`, {
      method: "POST",
      headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
      body: JSON.stringify({
        name: "테스트",
        slug: `tk-${randomUUID().slice(0, 8)}`,
        iconCode: "shirt",
      }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const customer = await issuer.sign({ sub: randomUUID(), role: "customer" });
    const refused = await fetch(`${product.url}/api/v1/categories`, {
      method: "POST",
      headers: { authorization: `Bearer ${customer}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "x", slug: "x-x", iconCode: "shirt" }),
    });
    assert.equal(refused.status, 403);
  });

  it("guards /internal with its internal key", async () => {
    const body = JSON.stringify({ items: [{ productId: randomUUID() }] });
    const headers = { "content-type": "application/json" };
    const without = await fetch(`${product.url}/internal/products/lookup`, {
      method: "POST",
      headers,
      body,
    });
    assert.equal(without.status, 401);
    const withKey = await fetch(`${product.url}/internal/products/lookup`, {
      method: "POST",
      headers: { ...headers, "x-internal-key": product.internalKey },
      body,
    });
    assert.equal(withKey.status, 200);
  });

  it("stops and starts again on the same port with its data kept", async () => {
    const before = (
      (await (await fetch(`${product.url}/api/v1/categories`)).json()) as { total: number }
    ).total;
    await product.stop();
    await assert.rejects(fetch(`${product.url}/health`));
    await product.start();
    const again = (
      (await (await fetch(`${product.url}/api/v1/categories`)).json()) as { total: number }
    ).total;
    assert.equal(again, before);
    assert.ok(before >= 1);
  });

  it("close() removes its database", async () => {
    const other = await startProductService({
      authUrl: issuer.url,
      seed: false,
      label: "testkit-product",
    });
    assert.equal(await databaseExists(other.db.name), true);
    await other.close();
    assert.equal(await databaseExists(other.db.name), false);
    await assert.rejects(fetch(`${other.url}/health`));
  });
});
