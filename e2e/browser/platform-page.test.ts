// Issue 9: the admin's platform page shows live numbers from the stack's Prometheus — a non-zero
// request rate for the gateway and drawn charts — after real traffic; a customer gets 403.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { launchBrowser, stack } from "../harness.js";
import { loginAs, newCustomer, newVisitor, registerByApi, shopUrl } from "./shop.js";

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Browses through the edge (pages and API reads) until stopped, so every scrape sees traffic. */
function keepBrowsing(): { stop(): Promise<void> } {
  let running = true;
  const paths = ["/", "/api/home", "/api/categories", "/api/categories?page=2"];
  const loop = (async () => {
    while (running) {
      await Promise.all(
        paths.map((path) =>
          fetch(shopUrl(path))
            .then((res) => res.arrayBuffer())
            .catch(() => undefined),
        ),
      );
      // A few rounds a second: traffic for every scrape, well under the gateway's rate limit.
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}

test("the platform page shows the gateway's live request rate and draws its charts", async (t) => {
  if (!stack().prometheusUrl) {
    t.skip("this stack runs without Prometheus (no prometheus binary)");
    return;
  }
  const { admin } = stack();
  const traffic = keepBrowsing();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1000 },
    locale: "ko-KR",
  });
  try {
    const page = await loginAs(context, admin.email, admin.password, "/admin/platform");
    await page.getByRole("heading", { name: "플랫폼 상태" }).waitFor();

    // The page refreshes itself every 15 s; Prometheus needs two scrapes (5 s apart) of traffic.
    const gatewayRate = page.locator('[data-part="gateway"] [data-metric="request-rate"]');
    await page.waitForFunction(
      () => {
        const cell = document.querySelector('[data-part="gateway"] [data-metric="request-rate"]');
        const rate = Number((cell?.textContent ?? "").replaceAll(",", ""));
        return Number.isFinite(rate) && rate > 0;
      },
      undefined,
      { timeout: 120_000, polling: 500 },
    );
    const rateText = (await gatewayRate.textContent()) ?? "";
    assert.ok(Number(rateText.replaceAll(",", "")) > 0, `gateway request rate ${rateText}`);

    // A chart whose canvas uPlot has drawn on, with samples of at least one part.
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll<HTMLElement>('[data-testid="platform-chart"]')).some(
          (chart) => {
            const canvas = chart.querySelector("canvas");
            if (!canvas || canvas.width === 0 || Number(chart.dataset.points) === 0) return false;
            const pixels = canvas
              .getContext("2d")
              ?.getImageData(0, 0, canvas.width, canvas.height).data;
            if (!pixels) return false;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) return true;
            return false;
          },
        ),
      undefined,
      { timeout: 60_000, polling: 500 },
    );
    await page.locator(".u-legend").getByText("게이트웨이").first().waitFor();

    // Every number is a number or "—", never NaN; the edge shows its cache hit ratio.
    const table = (await page.getByTestId("platform-parts").textContent()) ?? "";
    assert.doesNotMatch(table, /NaN|undefined|null/);
    const edgeHits = await page
      .locator('[data-part="edge-proxy"] [data-metric="cache-hit-ratio"]')
      .textContent();
    assert.match(edgeHits ?? "", /^(\d+(\.\d+)?%|—)$/);
    const revenue = (await page.getByTestId("today-revenue").textContent()) ?? "";
    assert.match(revenue, /^([\d,]+원|—)$/);
    assert.match((await page.getByTestId("today-orders").textContent()) ?? "", /^([\d,]+건|—)$/);
  } finally {
    await traffic.stop();
    await context.close();
  }
});

test("a customer gets 403 for the platform page and its API", async () => {
  const customer = newCustomer("platform-peek");
  await registerByApi(customer);
  const context = await newVisitor(browser);
  try {
    const page = await loginAs(context, customer.email, customer.password, "/account");
    const response = await page.goto(shopUrl("/admin/platform"));
    assert.equal(response?.status(), 403);
    await page.getByText("이 페이지를 볼 권한이 없어요").waitFor();
    const api = await page.evaluate(async () => {
      const res = await fetch("/api/admin/platform");
      return { status: res.status, code: ((await res.json()) as { code?: string }).code };
    });
    assert.deepEqual(api, { status: 403, code: "FORBIDDEN" });
  } finally {
    await context.close();
  }
});
