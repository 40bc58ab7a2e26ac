// A data store that is down, hung or refusing becomes 503 DEPENDENCY_UNAVAILABLE with Retry-After,
// with the drivers' real errors (no hand-made error objects), and nothing of the driver's message.
import assert from "node:assert/strict";
import { createServer, type Server, type Socket } from "node:net";
import { after, before, describe, it } from "node:test";
import { createTestDatabase, freePort } from "@shop/test-kit";
import { Redis } from "ioredis";
import pg from "pg";
import { toProblem } from "./problem.js";

/** A TCP server that accepts connections and never answers: a hung dependency. */
let hung: Server;
let hungPort: number;
const sockets = new Set<Socket>();
before(async () => {
  hung = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
  hungPort = (hung.address() as { port: number }).port;
});
after(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => hung.close(resolve));
});

async function thrown(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

function assertUnavailable(error: unknown, driverText: RegExp): void {
  const problem = toProblem(error, "req-1");
  assert.equal(problem.status, 503, String(error));
  assert.equal(problem.body.code, "DEPENDENCY_UNAVAILABLE");
  assert.equal(problem.headers["retry-after"], "5");
  assert.doesNotMatch(problem.body.detail, driverText, "no driver message reaches the caller");
}

describe("Redis failures", () => {
  it("down (connection refused)", async () => {
    const redis = new Redis({
      port: await freePort(),
      host: "127.0.0.1",
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      lazyConnect: true,
    });
    redis.on("error", () => undefined); // the refused connection is the point of the test
    const error = await thrown(async () => {
      await redis.connect().catch(() => undefined);
      await redis.get("k");
    });
    assertUnavailable(error, /ECONNREFUSED|closed/i);
    redis.disconnect();
  });

  it("hung (accepts, never answers): the command timeout bounds the wait", async () => {
    const redis = new Redis({
      port: hungPort,
      host: "127.0.0.1",
      commandTimeout: 200,
      enableReadyCheck: false,
      maxRetriesPerRequest: 0,
    });
    const error = await thrown(() => redis.get("k"));
    assertUnavailable(error, /timed out/i);
    redis.disconnect();
  });
});

describe("PostgreSQL failures", () => {
  it("down (connection refused)", async () => {
    const client = new pg.Client({ host: "127.0.0.1", port: await freePort(), user: "postgres" });
    assertUnavailable(await thrown(() => client.connect()), /ECONNREFUSED/);
  });

  it("hung: the pool's connection timeout bounds the wait", async () => {
    const pool = new pg.Pool({
      host: "127.0.0.1",
      port: hungPort,
      user: "postgres",
      connectionTimeoutMillis: 200,
    });
    assertUnavailable(await thrown(() => pool.query("SELECT 1")), /timeout/i);
    await pool.end();
  });

  it("a statement past its timeout (a hung query) is cancelled and answered 503", async () => {
    const db = await createTestDatabase("platform_dependency");
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query("SET statement_timeout = 50");
      assertUnavailable(
        await thrown(() => client.query("SELECT pg_sleep(2)")),
        /canceling statement/i,
      );
    } finally {
      await client.end();
      await db.drop();
    }
  });

  it("a server that stops answering mid-query: the client's read timeout bounds the wait", async () => {
    const db = await createTestDatabase("platform_dependency_read");
    const pool = new pg.Pool({ connectionString: db.url, query_timeout: 100 });
    try {
      assertUnavailable(await thrown(() => pool.query("SELECT pg_sleep(2)")), /read timeout/i);
    } finally {
      await pool.end();
      await db.drop();
    }
  });
});

it("TypeORM's released query runner (its connection broke mid-transaction) is the database failing", () => {
  const released = Object.assign(
    new Error("Query runner already released. Cannot run queries anymore."),
    {
      name: "QueryRunnerAlreadyReleasedError",
    },
  );
  assert.equal(toProblem(released).status, 503);
});

it("anything else stays a 500 that says nothing of what happened", () => {
  const problem = toProblem(new Error('relation "secret_table" does not exist'));
  assert.equal(problem.status, 500);
  assert.equal(problem.body.code, "INTERNAL_ERROR");
  assert.doesNotMatch(problem.body.detail, /secret_table/);
});
