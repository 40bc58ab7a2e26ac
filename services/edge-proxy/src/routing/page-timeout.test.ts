import { afterEach, describe, expect, test } from "bun:test";
import { edgeWithStorefront, htmlPage, tracker } from "../testing/servers.js";

const track = tracker();
afterEach(() => track.stopAll());

describe("a hung storefront", () => {
  test("a page not in the cache gets the shop's own error page within the page timeout, not a 30 s wait", async () => {
    let release!: () => void;
    const hang = new Promise<void>((resolve) => (release = resolve));
    const { edge } = await edgeWithStorefront(
      track,
      async () => {
        await hang;
        return htmlPage("too late");
      },
      { env: { PAGE_TIMEOUT_MS: "300" } },
    );
    const started = performance.now();
    const answer = await fetch(`${edge.url}/account`, { headers: { accept: "text/html" } });
    const took = performance.now() - started;
    release();
    expect(answer.status).toBe(504);
    expect(answer.headers.get("content-type")).toContain("text/html");
    const page = await answer.text();
    expect(page).toContain("잠시 후 다시 시도해 주세요");
    expect(page).toContain("UPSTREAM_TIMEOUT");
    // Bounded by the page timeout (300 ms here), with room for a loaded machine.
    expect(took).toBeLessThan(5_000);
  });
});
