// Issue 3 (storefront): register, log out, log in, edit the profile, reload (still logged in),
// log out; a guest opening /account lands on the login page and returns after login.
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

test("register → log out → log in → edit profile → reload → log out", async () => {
  const customer = newCustomer("identity");
  const context = await newVisitor(browser);
  const page = await context.newPage();
  await page.goto(shopUrl("/auth/register?redirect=%2Faccount"));
  await hydrated(page);

  // Validation as you type: a bad email is reported when the field is left.
  await page.getByLabel("이메일").fill("not-an-email");
  await page.getByLabel("이메일").blur();
  await page.getByText("올바른 이메일 형식이 아닙니다.").waitFor();

  await page.getByLabel("이름").fill(customer.name);
  await page.getByLabel("이메일").fill(customer.email);
  await page.getByLabel("비밀번호", { exact: true }).fill(customer.password);
  await page.getByLabel("비밀번호 확인").fill(customer.password);
  await Promise.all([
    page.waitForURL(/\/account$/, { timeout: 20_000 }),
    page.getByRole("button", { name: "가입하기" }).click(),
  ]);
  await page.getByTestId("account-email").getByText(customer.email).waitFor();
  await hydrated(page);
  const cookies = await context.cookies();
  const access = cookies.find((c) => c.name === "access_token");
  assert.ok(access?.httpOnly, "the access token is an httpOnly cookie");
  assert.equal(access?.sameSite, "Lax");
  assert.equal(
    await page.evaluate(() => document.cookie.includes("access_token")),
    false,
    "JavaScript cannot read it",
  );

  await Promise.all([
    page.waitForURL(shopUrl("/")),
    page.getByRole("button", { name: "로그아웃" }).click(),
  ]);
  await page.getByRole("link", { name: "로그인" }).first().waitFor();

  await page.goto(shopUrl("/auth/login?redirect=%2Faccount"));
  await hydrated(page);
  await page.getByLabel("이메일").fill(customer.email);
  await page.getByLabel("비밀번호", { exact: true }).fill("wrong-password-1");
  await page.getByRole("button", { name: "로그인", exact: true }).click();
  await page.getByText("이메일 또는 비밀번호가 올바르지 않습니다.").waitFor();
  await submitLogin(page, customer.email, customer.password, /\/account$/);

  const newName = `${customer.name}수정`;
  await page.getByLabel("이름", { exact: true }).fill(newName);
  await page.getByLabel("전화번호").fill("010-1234-5678");
  await page.getByRole("button", { name: "저장" }).click();
  await page.getByText("회원 정보를 저장했어요.").waitFor();

  await page.reload();
  await hydrated(page);
  await page.getByRole("heading", { name: `${newName}님` }).waitFor();
  assert.equal(await page.getByLabel("전화번호").inputValue(), "010-1234-5678");

  await Promise.all([
    page.waitForURL(shopUrl("/")),
    page.getByRole("button", { name: "로그아웃" }).click(),
  ]);
  const after = await context.cookies();
  assert.equal(
    after.find((c) => c.name === "refresh_token"),
    undefined,
    "logout clears the session cookies",
  );
  await context.close();
});

test("a guest opening /account is sent to login (307 through the edge) and comes back after it", async () => {
  const res = await fetch(shopUrl("/account"), { redirect: "manual" });
  assert.equal(res.status, 307);
  assert.equal(
    new URL(res.headers.get("location") ?? "", shopUrl()).pathname +
      new URL(res.headers.get("location") ?? "", shopUrl()).search,
    "/auth/login?redirect=%2Faccount",
  );

  const customer = newCustomer("guest-account");
  await registerByApi(customer);
  const context = await newVisitor(browser);
  const page = await context.newPage();
  await page.goto(shopUrl("/account"));
  await page.waitForURL(/\/auth\/login\?redirect=%2Faccount$/);
  await submitLogin(page, customer.email, customer.password, /\/account$/);
  await page.getByTestId("account-email").getByText(customer.email).waitFor();
  await context.close();
});
