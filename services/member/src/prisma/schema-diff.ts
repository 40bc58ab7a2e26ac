/**
 * Compares a live database with prisma/schema.prisma using Prisma's schema engine compiled to
 * WebAssembly (the native engine cannot be downloaded here), driven through the pg adapter.
 * Used by the drift test and by `npm run migration:draft` to write the next migration.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineModule from "@prisma/schema-engine-wasm/schema_engine_bg";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const SCHEMA_FILE = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

// The engine introspects catalog columns of pg's internal `"char"` type, which the adapter cannot
// map; they hold single letters, so presenting them as text is lossless.
const RELABEL: Record<number, number> = { 18: 25, 1002: 1009 };
function charAsTextPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
  (pool as unknown as { query: unknown }).query = async (...args: unknown[]) => {
    const result = await query(...args);
    for (const field of result.fields ?? [])
      field.dataTypeID = RELABEL[field.dataTypeID] ?? field.dataTypeID;
    return result;
  };
  return pool;
}

// Only what this module uses of the WebAssembly global (the project's lib settings omit it).
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let started = false;
async function startWasm(): Promise<void> {
  if (started) return;
  const wasmFile = createRequire(import.meta.url)
    .resolve("@prisma/schema-engine-wasm/schema_engine_bg")
    .replace(/\.js$/, ".wasm");
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmFile), {
    "./schema_engine_bg.js": engineModule,
  });
  const exports = instance.exports as { __wbindgen_start(): void };
  engineModule.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  started = true;
}

export interface SchemaDiff {
  /** True when the database already has exactly the schema's tables, columns, indexes and types. */
  inSync: boolean;
  /** The SQL that would bring the database to the schema. */
  sql: string;
}

/** Diffs the live database at `databaseUrl` against `schema` (default: the committed schema.prisma). */
export async function diffDatabaseToSchema(
  databaseUrl: string,
  schema = readFileSync(SCHEMA_FILE, "utf8"),
): Promise<SchemaDiff> {
  await startWasm();
  const pool = charAsTextPool(databaseUrl);
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
    const engine = await engineModule.SchemaEngine.new(
      { datamodels: [["schema.prisma", schema]] },
      () => undefined,
      adapter,
    );
    try {
      const files = [{ path: "schema.prisma", content: schema }];
      const result = await engine.diff({
        from: { tag: "schemaDatasource", files, configDir: "." },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: true,
        // The platform's migrator keeps its own bookkeeping table beside ours.
        filters: { externalTables: ["public.schema_migrations"], externalEnums: [] },
      });
      return { inSync: result.exitCode === 0, sql: result.stdout ?? "" };
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}
