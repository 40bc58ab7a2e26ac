/**
 * Helpers for the storefront's browser tests: the shop's URL, fresh customers, logging in through
 * the real form, and a generated PNG for uploads.
 */
import { randomBytes } from "node:crypto";
import { deflateSync, crc32 } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { clientAuthHeader, stack } from "../harness.js";

/** The shop as a browser sees it: through the edge proxy. */
export const shopUrl = (path = "/") => `${stack().urls["edge-proxy"]}${path}`;

export interface Customer {
  email: string;
  password: string;
  name: string;
}

export function newCustomer(label: string): Customer {
  const id = randomBytes(4).toString("hex");
  return {
    email: `${label}-${id}@example.com`,
    password: `pw-${randomBytes(8).toString("hex")}`,
    name: `테스트${id.slice(0, 4)}`,
  };
}

/** Registers a customer straight at the auth service (as the storefront server would). */
export async function registerByApi(customer: Customer): Promise<void> {
  const res = await fetch(`${stack().urls.auth}/api/auth/register`, {
    method: "POST",
    headers: { authorization: clientAuthHeader(), "content-type": "application/json" },
    body: JSON.stringify(customer),
  });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`register ${customer.email}: ${res.status} ${await res.text()}`);
}

/** Waits until the page has hydrated and loaded the visitor's session (buttons work from then on). */
export async function hydrated(page: Page): Promise<void> {
  await page.locator("html[data-session]").waitFor({ state: "attached", timeout: 20_000 });
}

/** Fills the login form on the current page and waits for the navigation it triggers. */
export async function submitLogin(
  page: Page,
  email: string,
  password: string,
  expectPath: RegExp,
): Promise<void> {
  await hydrated(page);
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호", { exact: true }).fill(password);
  await Promise.all([
    page.waitForURL(expectPath, { timeout: 20_000 }),
    page.getByRole("button", { name: "로그인", exact: true }).click(),
  ]);
}

export async function loginAs(
  context: BrowserContext,
  email: string,
  password: string,
  path = "/account",
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(shopUrl(`/auth/login?redirect=${encodeURIComponent(path)}`));
  await submitLogin(page, email, password, new RegExp(`${path.replace(/[/?]/g, "\\$&")}$`));
  await hydrated(page);
  return page;
}

/** Fills the checkout form (address, optional express shipping, a test card) on /checkout. */
export async function fillCheckout(
  page: Page,
  recipient: string,
  card: string,
  express = false,
): Promise<void> {
  await page.getByLabel("받는 분").fill(recipient);
  await page.getByLabel("전화번호").fill("010-2345-6789");
  await page.getByLabel("우편번호").fill("04524");
  await page.getByLabel("주소", { exact: true }).fill("서울 중구 세종대로 110");
  if (express) await page.getByLabel("빠른 배송 (다음 날)").check();
  await page.getByLabel("카드 번호").fill(card);
  await page.getByLabel("유효기간 (MM/YY)").fill("12/39");
  await page.getByLabel("CVC").fill("123");
}

/** A new isolated browser session (own cookies), mobile-sized like the reference design. */
export function newVisitor(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 420, height: 900 }, locale: "ko-KR" });
}

/** A solid-colour RGB PNG, built by hand so the test needs no image library. */
export function pngImage(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3]!)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
