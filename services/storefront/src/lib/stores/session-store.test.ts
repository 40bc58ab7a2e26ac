import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createSessionStore, toSessionSnapshot } from "./session-store";

describe("session store", () => {
  it("reads /session's answer and ignores anything that is not a member", () => {
    assert.deepEqual(
      toSessionSnapshot({ user: { id: "u1", name: "민지", role: "customer" }, hasSession: true }),
      {
        user: { id: "u1", name: "민지", role: "customer" },
        hasSession: true,
      },
    );
    assert.deepEqual(
      toSessionSnapshot({ user: { id: "guest_1", role: "guest" }, hasSession: true }),
      { user: null, hasSession: true },
    );
    assert.deepEqual(toSessionSnapshot("nonsense"), { user: null, hasSession: false });
  });

  it("becomes ready as a visitor when the session cannot be read", async () => {
    const store = createSessionStore(async () => {
      throw new Error("offline");
    });
    await store.getState().load();
    assert.equal(store.getState().status, "ready");
    assert.equal(store.getState().user, null);
  });

  it("loads once even when asked twice at the same time", async () => {
    let calls = 0;
    const store = createSessionStore(async () => {
      calls++;
      return { user: { id: "u1", name: null, role: "admin" }, hasSession: true };
    });
    await Promise.all([store.getState().load(), store.getState().load()]);
    assert.equal(calls, 1);
    assert.equal(store.getState().user?.role, "admin");
  });

  it("makes a caller who asks during the read wait for its answer", async () => {
    let release: () => void = () => undefined;
    const store = createSessionStore(
      () =>
        new Promise(
          (resolve) =>
            (release = () =>
              resolve({ user: { id: "u1", name: null, role: "customer" }, hasSession: true })),
        ),
    );
    const first = store.getState().load();
    const second = store.getState().load();
    assert.equal(store.getState().status, "loading");
    release();
    await second;
    assert.equal(store.getState().user?.id, "u1", "the second caller sees the member");
    await first;
  });
});
