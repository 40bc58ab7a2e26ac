// Issue 6 (storefront): a guest fills a cart, logs in (the cart is merged), checks out with the
// test card and sees the order in Orders; an admin marks it shipped and the customer sees it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, stack } from "../harness.js";
import {
  fillCheckout,
  hydrated,
  loginAs,
  newCustomer,
  newVisitor,
  registerByApi,
  shopUrl,
  submitLogin,
} from "./shop.js";

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Opens an in-stock product of the home page's "추천 상품" and adds one to the cart. */
async function addFeaturedProduct(page: Page): Promise<string> {
  await page.goto(shopUrl("/"));
  const cards = page
    .getByRole("list", { name: "추천 상품" })
    .getByRole("article")
    .filter({ hasNotText: "품절" });
  const name = (await cards.first().getByRole("heading").innerText()).trim();
  await Promise.all([
    page.waitForURL(/\/products\//),
    cards.first().getByRole("link").first().click(),
  ]);
  await hydrated(page);
  const choices = page.locator("input[type=radio][name^=option-]:not([disabled])");
  if ((await choices.count()) > 0) await choices.first().check({ force: true });
  await page.getByRole("button", { name: "장바구니 담기" }).click();
  await page.getByText("장바구니에 담았어요.").waitFor();
  await page.getByTestId("cart-badge").getByText("1").waitFor();
  return name;
}

test("guest cart → login (merged) → checkout with the test card → Orders → admin ships → customer sees it", async () => {
  const customer = newCustomer("shopper");
  await registerByApi(customer);
  const context = await newVisitor(browser);
  const page = await context.newPage();

  const productName = await addFeaturedProduct(page);
  const guestCookie = (await context.cookies()).find((c) => c.name === "access_token");
  assert.ok(guestCookie, "adding to the cart started a guest session");

  await page.goto(shopUrl("/auth/login?redirect=%2Fcart"));
  await submitLogin(page, customer.email, customer.password, /\/cart$/);
  const line = page.getByTestId("cart-line").filter({ hasText: productName });
  await line.waitFor();
  await page.getByTestId("cart-badge").getByText("1").waitFor();

  await Promise.all([
    page.waitForURL(/\/checkout$/),
    page.getByRole("link", { name: "주문하기" }).click(),
  ]);
  await hydrated(page);
  await fillCheckout(page, customer.name, "4242 4242 4242 4242", true);
  const total = await page.getByTestId("grand-total").innerText();
  await Promise.all([
    page.waitForURL(/\/checkout\/complete\//, { timeout: 30_000 }),
    page.getByRole("button", { name: /결제하기$/ }).click(),
  ]);
  await page.getByRole("heading", { name: "주문이 완료되었어요" }).waitFor();
  assert.equal(
    await page.getByTestId("grand-total").innerText(),
    total,
    "the confirmation shows the total that was paid",
  );
  const orderNumber = (await page.getByTestId("order-number").innerText()).trim();
  const orderId = page.url().split("/").pop()!;

  await Promise.all([
    page.waitForURL(/\/orders$/),
    page.getByRole("link", { name: "Orders" }).click(),
  ]);
  const card = page.getByTestId("order-card").filter({ hasText: orderNumber });
  await card.waitFor();
  await card.getByTestId("order-state").getByText("결제 완료").waitFor();

  const adminContext = await newVisitor(browser);
  const { admin } = stack();
  const adminPage = await loginAs(adminContext, admin.email, admin.password, "/admin/orders");
  const row = adminPage.locator(`[data-testid=admin-order-row][data-order-id="${orderId}"]`);
  await row.getByRole("button", { name: "→ 상품 준비중" }).click();
  await row.getByTestId("order-state").getByText("상품 준비중").waitFor();
  await row.getByRole("button", { name: "→ 배송중" }).click();
  await row.getByTestId("order-state").getByText("배송중").waitFor();
  await adminContext.close();

  await page.goto(shopUrl(`/orders/${orderId}`));
  await page.getByTestId("order-state").getByText("배송중").waitFor();
  assert.equal(
    await page.getByRole("button", { name: "주문 취소" }).count(),
    0,
    "a shipped order cannot be cancelled",
  );
  await context.close();
});

test("a declined test card keeps the customer on the checkout page with a clear message", async () => {
  const customer = newCustomer("declined");
  await registerByApi(customer);
  const context = await newVisitor(browser);
  const page = await loginAs(context, customer.email, customer.password, "/account");
  await addFeaturedProduct(page);
  await page.goto(shopUrl("/checkout"));
  await hydrated(page);
  await fillCheckout(page, customer.name, "4000 0000 0000 0002");
  const answer = page.waitForResponse(
    (r) => r.url().endsWith("/api/checkout") && r.request().method() === "POST",
    { timeout: 45_000 },
  );
  await page.getByRole("button", { name: /결제하기$/ }).click();
  // The decline card is refused with 402 PAYMENT_DECLINED; the payment service has also been seen to
  // answer it as 502 PAYMENT_FAILED when its own "payment.failed" webhook wins a race. Either way
  // the customer must stay on the checkout page with a clear message.
  const status = (await answer).status();
  assert.ok(status === 402 || status === 502, `checkout refused the card (got ${status})`);
  const expected =
    status === 402 ? "카드 결제가 거절되었어요." : "결제사 응답에 문제가 있어 결제하지 못했어요.";
  const alert = page.getByRole("alert").filter({ hasText: expected });
  await alert.waitFor({ timeout: 10_000 }).catch(async () => {
    assert.fail(
      `expected "${expected}"; the page shows: ${(await page.getByRole("alert").allInnerTexts()).join(" | ")}`,
    );
  });
  assert.match(page.url(), /\/checkout$/);
  await context.close();
});

test("a customer cancels a paid order before it ships", async () => {
  const customer = newCustomer("cancel");
  await registerByApi(customer);
  const context = await newVisitor(browser);
  const page = await loginAs(context, customer.email, customer.password, "/account");
  await addFeaturedProduct(page);
  await page.goto(shopUrl("/checkout"));
  await hydrated(page);
  await fillCheckout(page, customer.name, "4242 4242 4242 4242");
  await Promise.all([
    page.waitForURL(/\/checkout\/complete\//, { timeout: 30_000 }),
    page.getByRole("button", { name: /결제하기$/ }).click(),
  ]);
  const orderId = page.url().split("/").pop()!;
  await page.goto(shopUrl(`/orders/${orderId}`));
  await hydrated(page);
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "주문 취소" }).click();
  await page.getByTestId("order-state").getByText("주문 취소").waitFor({ timeout: 15_000 });
  assert.equal(
    await page.getByRole("button", { name: "주문 취소" }).count(),
    0,
    "nothing left to cancel",
  );
  await context.close();
});
