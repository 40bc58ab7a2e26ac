// Issue 4 (storefront): a signed-in customer reviews a product from its page, once.
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../harness.js";
import { hydrated, loginAs, newCustomer, newVisitor, registerByApi, shopUrl } from "./shop.js";

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test("a customer reviews a product; a second review is refused with a clear message", async () => {
  const customer = newCustomer("review");
  await registerByApi(customer);
  const context = await newVisitor(browser);
  const page = await loginAs(context, customer.email, customer.password, "/account");
  await page.goto(shopUrl("/categories?sort=rating"));
  const card = page.getByRole("list", { name: "상품 목록" }).getByRole("article").first();
  await Promise.all([page.waitForURL(/\/products\//), card.getByRole("link").first().click()]);
  const productUrl = page.url();
  await hydrated(page);

  await page.getByRole("button", { name: "리뷰 등록" }).click();
  await page.getByText("별점을 선택해 주세요.").waitFor();
  await page.locator("label:has(input[name=rating][value='4'])").click();
  await page.locator("#review-text").fill("튼튼하고 예뻐요. 매일 들고 다녀요.");
  await page.getByRole("button", { name: "리뷰 등록" }).click();
  await page.getByText("리뷰가 등록되었어요").waitFor({ timeout: 15_000 });

  await page.goto(productUrl);
  await hydrated(page);
  await page.locator("label:has(input[name=rating][value='5'])").click();
  await page.locator("#review-text").fill("두 번째 리뷰를 남겨 봅니다.");
  await page.getByRole("button", { name: "리뷰 등록" }).click();
  await page.getByText("이미 이 상품에 리뷰를 남기셨어요.").waitFor({ timeout: 15_000 });
  await context.close();
});
