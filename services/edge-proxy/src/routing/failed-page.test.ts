import { afterEach, describe, expect, test } from "bun:test";
import { edgeWithStorefront, tracker } from "../testing/servers.js";

const track = tracker();
afterEach(() => track.stopAll());

const frameworkShell = () =>
  new Response("<!DOCTYPE html><html><body><div id=__next></div></body></html>", {
    status: 500,
    headers: { "content-type": "text/html; charset=utf-8" },
  });

describe("a page the storefront fails to render", () => {
  test("reaches a browser as the shop's own page: 503 with Retry-After, readable without script", async () => {
    const { edge } = await edgeWithStorefront(track, frameworkShell);
    const answer = await fetch(`${edge.url}/search?q=shoes`, { headers: { accept: "text/html" } });
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("5");
    expect(answer.headers.get("cache-control")).toBe("no-store");
    const page = await answer.text();
    expect(page).toContain("일시적인 문제로 페이지를 보여드리지 못했어요");
    expect(page).toContain("UPSTREAM_UNAVAILABLE");
    expect(page).not.toContain("__next");
  });

  test("a client navigation (RSC payload) gets the storefront's answer untouched, for its own error boundary", async () => {
    const { edge } = await edgeWithStorefront(track, frameworkShell);
    const rsc = await fetch(`${edge.url}/search?q=shoes`, {
      headers: { accept: "text/x-component", rsc: "1" },
    });
    expect(rsc.status).toBe(500);
    expect(await rsc.text()).toContain("__next");
  });
});
