import { describe, expect, test } from "bun:test";
import { AuthClient } from "../clients/auth.client.js";
import { Refresher } from "./refresh.js";
import { startFakeAuth } from "../testing/auth.js";
import { startServer } from "../testing/servers.js";

const caller = { requestId: "r-1", ip: "203.0.113.7" };

describe("refresher", () => {
  test("one call per refresh token however many ask at once, and the outcome is reused for a while", async () => {
    const auth = await startFakeAuth();
    try {
      const refresher = new Refresher(
        new AuthClient({ authUrl: auth.url, clientKey: "test-client-key" }),
      );
      const a = await auth.session({ expiresInSec: -1 });
      const b = await auth.session({ expiresInSec: -1 });
      const outcomes = await Promise.all(
        [...Array(20)].map((_, i) =>
          refresher.refresh(i % 2 ? a.refreshToken : b.refreshToken, caller),
        ),
      );
      expect(auth.refreshCalls).toBe(2);
      expect(
        new Set(outcomes.map((o) => (o.kind === "issued" ? o.tokens.accessToken : o.kind))).size,
      ).toBe(2);
      const later = await refresher.refresh(a.refreshToken, caller);
      expect(later.kind).toBe("issued");
      expect(auth.refreshCalls).toBe(2);
      expect(auth.seen.at(-1)!.headers.get("x-forwarded-for")).toBe("203.0.113.7");
    } finally {
      await auth.stop();
    }
  });

  test("a rejected token is remembered too; an unreachable auth is not (the next request tries again)", async () => {
    const auth = await startFakeAuth();
    let up = false;
    const flaky = startServer((request, seen) =>
      up
        ? fetch(`${auth.url}${seen.path}`, {
            method: "POST",
            headers: { authorization: request.headers.get("authorization")! },
            body: seen.body,
          })
        : new Response("down", { status: 503 }),
    );
    try {
      const refresher = new Refresher(
        new AuthClient({ authUrl: flaky.url, clientKey: "test-client-key" }),
      );
      expect((await refresher.refresh("x".repeat(40), caller)).kind).toBe("unavailable");
      up = true;
      expect((await refresher.refresh("x".repeat(40), caller)).kind).toBe("rejected");
      expect((await refresher.refresh("x".repeat(40), caller)).kind).toBe("rejected");
      expect(auth.refreshCalls).toBe(1);
    } finally {
      await flaky.stop();
      await auth.stop();
    }
  });

  test("a wrong client key is a rejection, not a crash", async () => {
    const auth = await startFakeAuth("the-real-key");
    try {
      const outcome = await new AuthClient({ authUrl: auth.url, clientKey: "wrong" }).guest(caller);
      expect(outcome).toEqual({ kind: "rejected", status: 401 });
    } finally {
      await auth.stop();
    }
  });
});
