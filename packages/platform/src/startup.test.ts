import assert from "node:assert/strict";
import { test } from "node:test";
import { createLogger } from "./logging.js";
import { retryWhileStoreUnavailable } from "./startup.js";

const logger = createLogger("startup-test", "silent");
/** What pg throws for a statement cancelled by statement_timeout. */
const timedOut = () =>
  Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" });

test("a step that meets an unavailable store runs again until it succeeds", async () => {
  let calls = 0;
  const result = await retryWhileStoreUnavailable(
    "step",
    async () => {
      calls++;
      if (calls < 3) throw timedOut();
      return "done";
    },
    logger,
  );
  assert.equal(result, "done");
  assert.equal(calls, 3);
});

test("any other failure is thrown at once, and an unavailable store after the deadline too", async () => {
  let calls = 0;
  await assert.rejects(
    retryWhileStoreUnavailable(
      "step",
      async () => {
        calls++;
        throw new Error("a bug");
      },
      logger,
    ),
    /a bug/,
  );
  assert.equal(calls, 1);
  await assert.rejects(
    retryWhileStoreUnavailable("step", async () => Promise.reject(timedOut()), logger, 0),
    /statement timeout/,
  );
});
