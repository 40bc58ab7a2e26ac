// Issue 4 (storefront): an admin creates a product with an image and sees it on its category page;
// a customer cannot open the admin area.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { launchBrowser, stack } from "../harness.js";
import { loginAs, newCustomer, newVisitor, pngImage, registerByApi, shopUrl } from "./shop.js";

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test("admin creates a product with an image and it appears on its category page", async () => {
  const { admin } = stack();
  const context = await newVisitor(browser);
  const page = await loginAs(context, admin.email, admin.password, "/admin/products/new");
  const name = `E2E 캔버스 토트 ${randomBytes(3).toString("hex")}`;

  await page.getByLabel("상품명").fill(name);
  await page.getByLabel("브랜드").fill("Moa Test");
  const category = page.getByLabel("카테고리");
  const options = await category
    .locator("option")
    .evaluateAll((nodes) =>
      nodes.map((n) => ({ value: (n as HTMLOptionElement).value, label: n.textContent ?? "" })),
    );
  const chosen = options.find((o) => o.value)!;
  await category.selectOption(chosen.value);
  await page.getByLabel("판매가 (원)").fill("39000");
  await page.getByLabel("정가 (원, 할인 전)").fill("52000");
  await page.getByLabel("재고").fill("12");
  await page.getByLabel("설명").fill("브라우저 테스트가 등록한 상품입니다.");
  await page.getByLabel("상품 이미지").setInputFiles({
    name: "tote.png",
    mimeType: "image/png",
    buffer: pngImage(480, 480, [20, 120, 140]),
  });
  await Promise.all([
    page.waitForURL(/\/admin\/products\?created=/, { timeout: 30_000 }),
    page.getByRole("button", { name: "상품 등록" }).click(),
  ]);
  await page.getByText("상품을 등록했어요.").waitFor();

  const categorySlug = await page.evaluate(async (categoryId) => {
    const res = await fetch(`/api/v1/categories/${categoryId}`);
    return ((await res.json()) as { slug: string }).slug;
  }, chosen.value);
  // Caches are purged by the catalogue event; allow them a moment.
  let found = false;
  for (let attempt = 0; attempt < 10 && !found; attempt++) {
    await page.goto(shopUrl(`/categories/${categorySlug}?sort=newest`));
    found = (await page.getByRole("heading", { name }).count()) > 0;
    if (!found) await page.waitForTimeout(500);
  }
  assert.ok(found, `${name} is listed on /categories/${categorySlug}`);
  const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name }) });
  await card.getByText("25% 할인").waitFor();
  const img = card.getByRole("img", { name });
  await img.waitFor();
  const src = await img.getAttribute("src");
  assert.match(
    src ?? "",
    /^\/_next\/image\?url=%2Fimages%2F/,
    "the image goes through the optimiser",
  );
  const imageResponse = await page.request.get(shopUrl(src!), {
    headers: { accept: "image/avif,image/webp,*/*" },
  });
  assert.equal(imageResponse.status(), 200);
  assert.match(imageResponse.headers()["content-type"] ?? "", /image\/(avif|webp)/);
  await context.close();
});

test("a customer opening the admin area gets the 403 page", async () => {
  const customer = newCustomer("not-admin");
  await registerByApi(customer);
  const context = await newVisitor(browser);
  const page = await loginAs(context, customer.email, customer.password, "/account");
  const response = await page.goto(shopUrl("/admin/products"));
  assert.equal(response?.status(), 403);
  await page.getByText("이 페이지를 볼 권한이 없어요").waitFor();
  await context.close();
});
