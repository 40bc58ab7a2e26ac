import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createTestDatabase } from "@shop/test-kit";
import pg from "pg";
import { BoundedClient, ensureDatabase, migrate } from "./postgres.js";

test("ensureDatabase creates a missing database once", async () => {
  const db = await createTestDatabase("platform_ensure");
  await db.drop();
  try {
    assert.equal(await ensureDatabase(db.url), true);
    assert.equal(await ensureDatabase(db.url), false);
  } finally {
    await db.drop();
  }
});

test("migrations apply once, in order, and an edited applied migration stops the start", async () => {
  const db = await createTestDatabase("platform_migrate");
  const dir = mkdtempSync(join(tmpdir(), "migrations-"));
  try {
    writeFileSync(join(dir, "0001_create.sql"), "CREATE TABLE t (id int primary key);");
    writeFileSync(join(dir, "0002_seed.sql"), "INSERT INTO t VALUES (1), (2);");
    assert.deepEqual((await migrate(db.url, dir)).applied, ["0001_create.sql", "0002_seed.sql"]);
    assert.deepEqual((await migrate(db.url, dir)).applied, []);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    assert.equal((await client.query("select count(*)::int as n from t")).rows[0].n, 2);
    await client.end();

    writeFileSync(join(dir, "0003_bad.sql"), "INSERT INTO t VALUES (1);");
    await assert.rejects(migrate(db.url, dir), /0003_bad.sql failed/);
    writeFileSync(join(dir, "0003_bad.sql"), "INSERT INTO t VALUES (3);");
    assert.deepEqual((await migrate(db.url, dir)).applied, ["0003_bad.sql"]);

    writeFileSync(join(dir, "0001_create.sql"), "CREATE TABLE t (id bigint primary key);");
    await assert.rejects(migrate(db.url, dir), /edited after it was applied/);
  } finally {
    await db.drop();
  }
});

test("a connection whose query outlived its timeout is dropped, never handed out again", async () => {
  const db = await createTestDatabase("platform_bounded_client");
  const pool = new pg.Pool({
    connectionString: db.url,
    max: 1,
    query_timeout: 100,
    Client: BoundedClient,
  });
  try {
    const client = await pool.connect();
    await client.query("BEGIN");
    // The server is still running this (as a hung one would, later) when the client gives up.
    await assert.rejects(client.query("SELECT pg_sleep(1)"), /read timeout/i);
    client.release();
    assert.equal(pool.totalCount, 0, "the connection in an unknown state left the pool");
    const { rows } = await pool.query<{ open: boolean }>(
      "SELECT txid_current_if_assigned() IS NOT NULL AS open",
    );
    assert.equal(rows[0]!.open, false, "the next caller is not inside the old transaction");
  } finally {
    await pool.end();
    await db.drop();
  }
});

test("a connection that breaks while checked out and unwatched does not end the process", async () => {
  const db = await createTestDatabase("platform_bounded_unwatched");
  const pool = new pg.Pool({ connectionString: db.url, max: 1, Client: BoundedClient });
  try {
    const client = await pool.connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    // The server ends the session while the client sits checked out between two queries.
    await admin.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
    await admin.end();
    await assert.rejects(client.query("SELECT 1"));
    client.release(true);
    assert.equal((await pool.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one, 1);
  } finally {
    await pool.end();
    await db.drop();
  }
});
