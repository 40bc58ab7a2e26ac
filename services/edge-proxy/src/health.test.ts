/** Health answered locally: no tokens, no upstream calls; readiness checks Redis, storefront and gateway. */
import { afterEach, describe, expect, test } from "bun:test";
import { cleanupPrefix, htmlPage, startEdge, startServer, tracker } from "./testing/servers.js";

const track = tracker();
afterEach(() => track.stopAll());

async function setup() {
  const upstream = startServer(() => htmlPage("upstream"));
  const edge = await startEdge({
    storefront: upstream.url,
    gateway: upstream.url,
    auth: upstream.url,
  });
  track.add(async () => {
    await edge.stop();
    await upstream.stop();
    await cleanupPrefix(edge.prefix);
  });
  return { edge, upstream };
}

describe("health", () => {
  test("/health, /ping and /_health are answered by the edge itself", async () => {
    const { edge, upstream } = await setup();
    for (const path of ["/health", "/ping", "/_health"]) {
      const answer = await fetch(`${edge.url}${path}`, {
        headers: { cookie: "access_token=x; refresh_token=y" },
      });
      expect(answer.status).toBe(200);
      expect((await answer.json()) as { status: string; service: string }).toMatchObject({
        status: "ok",
        service: "edge-proxy",
      });
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
    expect(upstream.seen).toHaveLength(0);
  });

  test("known probe user agents are answered locally on any path", async () => {
    const { edge, upstream } = await setup();
    for (const agent of [
      "ELB-HealthChecker/2.0",
      "GoogleHC/1.0",
      "kube-probe/1.30",
      "Consul Health Check",
    ]) {
      const answer = await fetch(`${edge.url}/api/cart`, { headers: { "user-agent": agent } });
      expect(answer.status).toBe(200);
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
    expect(upstream.seen).toHaveLength(0);
  });

  test("a browser on the same paths elsewhere is proxied as usual", async () => {
    const { edge, upstream } = await setup();
    await fetch(`${edge.url}/healthy-living`, { headers: { "user-agent": "Mozilla/5.0" } });
    expect(upstream.seen.map((s) => s.path)).toEqual(["/healthy-living"]);
  });

  test("/health/ready checks Redis and that the storefront and gateway answer", async () => {
    const { edge, upstream } = await setup();
    const ready = await fetch(`${edge.url}/health/ready`);
    expect(ready.status).toBe(200);
    const report = (await ready.json()) as { checks: Record<string, { status: string }> };
    expect(
      Object.fromEntries(Object.entries(report.checks).map(([k, v]) => [k, v.status])),
    ).toEqual({
      redis: "ok",
      storefront: "ok",
      gateway: "ok",
    });
    await upstream.stop();
    const down = await fetch(`${edge.url}/health/ready`);
    expect(down.status).toBe(503);
    const downReport = (await down.json()) as { checks: Record<string, { status: string }> };
    expect(downReport.checks.storefront!.status).toBe("down");
    expect(downReport.checks.gateway!.status).toBe("down");
  });

  test("the OpenAPI document lists the edge's own routes", async () => {
    const { edge } = await setup();
    const doc = (await (await fetch(`${edge.url}/docs/json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual([
      "/_edge/purge",
      "/_edge/stats",
      "/_edge/session/login",
      "/_edge/session/register",
      "/_edge/session/logout",
      "/health",
      "/health/ready",
    ]);
    expect((await fetch(`${edge.url}/docs`)).headers.get("content-type")).toContain("text/html");
  });
});
