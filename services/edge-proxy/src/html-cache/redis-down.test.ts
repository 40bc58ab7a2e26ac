/** Redis unavailable: pages pass straight through; nothing answers 5xx because of the cache. */
import { afterEach, describe, expect, test } from "bun:test";
import { edgeWithStorefront, htmlPage, startServer, tracker } from "../testing/servers.js";

const track = tracker();
afterEach(() => track.stopAll());

// Nothing listens on port 1: every Redis command fails at once.
const deadRedis = { REDIS_URL: "redis://127.0.0.1:1/0" };

describe("Redis down", () => {
  test("cacheable pages are served from the storefront", async () => {
    const { edge, storefront } = await edgeWithStorefront(track, () => htmlPage("served anyway"), {
      env: deadRedis,
    });
    for (const path of ["/", "/categories?category=shoes", "/products/tee"]) {
      const answer = await fetch(`${edge.url}${path}`);
      expect(answer.status).toBe(200);
      expect(await answer.text()).toContain("served anyway");
    }
    expect(storefront.seen.length).toBe(3);
  });

  test("concurrent misses still collapse in process, and the memory tier keeps serving", async () => {
    const { edge, storefront } = await edgeWithStorefront(
      track,
      async () => {
        await Bun.sleep(50);
        return htmlPage("one render");
      },
      { env: deadRedis },
    );
    const answers = await Promise.all(Array.from({ length: 50 }, () => fetch(`${edge.url}/`)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(storefront.seen.length).toBe(1);
    expect((await fetch(`${edge.url}/`)).headers.get("x-cache")).toBe("HIT");
  });

  test("API calls and readiness report it without failing requests", async () => {
    const gateway = startServer(() => Response.json({ ok: true }));
    track.add(() => gateway.stop());
    const { edge } = await edgeWithStorefront(track, () => htmlPage("x"), {
      env: deadRedis,
      gateway: gateway.url,
    });
    const api = await fetch(`${edge.url}/api/home`);
    expect(api.status).toBe(200);
    const ready = await fetch(`${edge.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(
      ((await ready.json()) as { checks: Record<string, { status: string }> }).checks.redis!.status,
    ).toBe("down");
  });
});
