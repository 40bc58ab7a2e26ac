// A member query that outlives the statement timeout (here: waiting on a lock another session
// holds) is the database failing: 503 DEPENDENCY_UNAVAILABLE with Retry-After, never a 500.
// Prisma wraps the cancelled statement in its own error (P2039 with the driver adapter's error in
// its meta); the platform finds the PostgreSQL code under it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import pg from "pg";
import { startHarness, type Harness } from "../testing/harness.js";

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

test("a member read stuck behind a lock past the statement timeout answers 503 with Retry-After", async () => {
  const member = await h.createMember();
  const locker = new pg.Client({ connectionString: h.config.DATABASE_URL });
  await locker.connect();
  try {
    await locker.query("BEGIN");
    await locker.query('LOCK TABLE "members" IN ACCESS EXCLUSIVE MODE');
    const res = await h.app.inject({
      method: "GET",
      url: "/api/members/me",
      headers: await h.bearer(member.id),
    });
    assert.equal(res.statusCode, 503, res.body);
    assert.equal(res.json().code, "DEPENDENCY_UNAVAILABLE");
    assert.ok(res.headers["retry-after"], "says when to try again");
    assert.doesNotMatch(res.body, /57014|statement timeout|Prisma/);
  } finally {
    await locker.query("ROLLBACK");
    await locker.end();
  }
  const res = await h.app.inject({
    method: "GET",
    url: "/api/members/me",
    headers: await h.bearer(member.id),
  });
  assert.equal(res.statusCode, 200, "served again once the lock is gone");
});
