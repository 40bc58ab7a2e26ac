// Issue 4 (storefront): hearts toggle the member's wishlist; guests are sent to log in first.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../harness.js";
import { hydrated, newCustomer, newVisitor, registerByApi, shopUrl, submitLogin } from "./shop.js";

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test("a guest's heart leads to login and back; the member's hearts fill /wishlist", async () => {
  const customer = newCustomer("wishlist");
  await registerByApi(customer);
  const context = await newVisitor(browser);
  const page = await context.newPage();
  await page.goto(shopUrl("/categories"));
  await hydrated(page);
  const card = page.getByRole("list", { name: "상품 목록" }).getByRole("article").first();
  const name = (await card.getByRole("heading").innerText()).trim();
  const heart = () => page.getByRole("button", { name: new RegExp(`^${name} 위시리스트`) }).first();

  await Promise.all([page.waitForURL(/\/auth\/login\?redirect=%2Fcategories/), heart().click()]);
  await submitLogin(page, customer.email, customer.password, /\/categories$/);
  await hydrated(page);
  await heart().click();
  await page.waitForFunction(
    (n) =>
      document
        .querySelector(`button[aria-label^="${n} 위시리스트"]`)
        ?.getAttribute("aria-pressed") === "true",
    name,
  );

  await page.goto(shopUrl("/wishlist"));
  await hydrated(page);
  await page.getByRole("heading", { name }).waitFor();
  await heart().click();
  await page.waitForFunction(
    (n) =>
      document
        .querySelector(`button[aria-label^="${n} 위시리스트"]`)
        ?.getAttribute("aria-pressed") === "false",
    name,
  );
  await page.reload();
  await page.getByText("아직 찜한 상품이 없어요").waitFor();
  assert.equal(await page.getByRole("heading", { name }).count(), 0);
  await context.close();
});
