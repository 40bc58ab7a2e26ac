// Issue 4 (storefront): home → category → filter → product page in a real browser, and the
// catalogue HTML is declared shareable while per-user pages are not.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { launchBrowser, stack } from "../harness.js";
import { newVisitor, shopUrl } from "./shop.js";

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test("home → category → filter → product page", async () => {
  const context = await newVisitor(browser);
  const page = await context.newPage();
  await page.goto(shopUrl("/"));
  await page.getByRole("heading", { name: "추천 상품" }).waitFor();
  const categoryRow = page.getByRole("list", { name: "Category" });
  const firstCategory = categoryRow.getByRole("link").first();
  const categoryName = (await firstCategory.innerText()).trim();
  await Promise.all([page.waitForURL(/\/categories\/[a-z0-9-]+$/), firstCategory.click()]);
  await page.getByRole("heading", { level: 1, name: categoryName }).waitFor();
  const total = Number(
    (await page.getByRole("status").filter({ hasText: "상품" }).innerText()).replace(/\D/g, ""),
  );
  assert.ok(total > 0, "the category lists products");

  await page.getByText("필터").first().click();
  await page.getByLabel("할인 상품만").check();
  await page.getByRole("combobox", { name: "정렬" }).last().selectOption("price_asc");
  await Promise.all([
    page.waitForURL(/onSale=true/),
    page.getByRole("button", { name: "적용" }).click(),
  ]);
  assert.match(page.url(), /sort=price_asc/);
  const cards = page.getByRole("list", { name: "상품 목록" }).getByRole("article");
  const count = await cards.count();
  assert.ok(count > 0, "discounted products are listed");
  for (let i = 0; i < Math.min(count, 6); i++) {
    await cards
      .nth(i)
      .locator("span", { hasText: /^\d+% 할인$/ })
      .first()
      .waitFor();
  }
  const prices = await cards.evaluateAll((nodes) =>
    nodes.map((n) =>
      Number((n.querySelector("[data-testid=price]")?.textContent ?? "").replace(/\D/g, "")),
    ),
  );
  assert.deepEqual(
    prices,
    [...prices].sort((a, b) => a - b),
    "sorted by price, lowest first",
  );

  const firstName = (await cards.first().getByRole("heading").innerText()).trim();
  await Promise.all([
    page.waitForURL(/\/products\//),
    cards.first().getByRole("link").first().click(),
  ]);
  await page.getByRole("heading", { level: 2, name: firstName }).waitFor();
  await page.getByRole("button", { name: /장바구니 담기|품절/ }).waitFor();
  await page.getByRole("heading", { name: "리뷰" }).waitFor();
  await context.close();
});

test("catalogue HTML is shareable through the edge; per-user pages are not", async () => {
  const storefront = stack().urls.storefront;
  const home = await fetch(`${storefront}/`);
  assert.equal(home.status, 200);
  assert.match(home.headers.get("surrogate-control") ?? "", /max-age=60/);
  assert.equal(home.headers.get("set-cookie"), null);
  const cart = await fetch(`${storefront}/cart`);
  assert.equal(cart.headers.get("surrogate-control"), null);
  assert.match(cart.headers.get("cache-control") ?? "", /no-store/);
});

test("unknown products get the not-found page with a 404", async () => {
  const res = await fetch(shopUrl("/products/no-such-product-e2e"));
  assert.equal(res.status, 404);
  assert.match(await res.text(), /찾으시는 페이지가 없어요/);
});
