// Issue 2: the walking skeleton answers end to end through every hop.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { waitFor } from "@shop/test-kit";
import type { Browser } from "playwright-core";
import { launchBrowser, logLinesWith, stack } from "../harness.js";

const { urls } = stack();
const SEEDED_CATEGORIES = ["의류", "신발", "가방", "액세서리", "뷰티", "스포츠", "디지털"];

test("the home page through the edge proxy is server-rendered with the seeded categories", async () => {
  const res = await fetch(`${urls["edge-proxy"]}/`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /text\/html/);
  const html = await res.text();
  for (const name of SEEDED_CATEGORIES) assert.ok(html.includes(name), `home HTML lists ${name}`);
});

test("GET /api/v1/categories reaches the product service through the edge proxy and the gateway", async () => {
  const res = await fetch(`${urls["edge-proxy"]}/api/v1/categories`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as { items: Array<{ slug: string; iconCode: string }> };
  assert.equal(body.items.length, 8);
  for (const category of body.items) assert.ok(category.slug && category.iconCode);
});

test("a request id sent to the edge appears in the logs of the proxy, gateway, BFF and product service", async () => {
  const requestId = `e2e-${randomUUID()}`;
  // A search no cache has seen yet, so the request travels every hop down to the product service.
  const res = await fetch(
    `${urls["edge-proxy"]}/api/categories?q=${encodeURIComponent(requestId)}`,
    {
      headers: { "x-request-id": requestId },
    },
  );
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("x-request-id"), requestId);
  // Log lines travel through pipes into files asynchronously: poll for them.
  for (const part of ["edge-proxy", "gateway", "bff", "product"] as const) {
    await waitFor(async () => logLinesWith(part, requestId).length > 0, 5_000).catch(() => {
      assert.fail(`${part} did not log ${requestId}`);
    });
  }
});

test("unknown API routes answer problem details, not HTML or a stack trace", async () => {
  const res = await fetch(`${urls["edge-proxy"]}/api/v1/nope`);
  assert.equal(res.status, 404);
  assert.match(res.headers.get("content-type") ?? "", /application\/problem\+json/);
  const body = (await res.json()) as { code: string; requestId: string };
  assert.ok(body.code);
  assert.ok(body.requestId);
});

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test("in Chromium the home page shows the categories", async () => {
  const page = await browser.newPage();
  await page.goto(`${urls["edge-proxy"]}/`, { waitUntil: "load" });
  for (const name of SEEDED_CATEGORIES.slice(0, 5)) {
    await page
      .getByText(name, { exact: true })
      .first()
      .waitFor({ state: "visible", timeout: 10_000 });
  }
  await page.close();
});
