/**
 * A PostgreSQL server of the launcher's own from the system's server binaries (Debian:
 * /usr/lib/postgresql/<version>/bin), for stacks that pause, kill and restart their database (the
 * chaos tests). PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, with
 * its data in a fresh folder under the system's temporary directory (a checkout may sit in a folder
 * that user cannot enter). Undefined when the system has no server binaries.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OwnedStore } from "./databases.js";

export interface OwnPostgres {
  url: string;
  stop(): Promise<void>;
  own: OwnedStore;
}

/** The newest server binaries folder the system has, if any. */
function serverBinaries(): string | undefined {
  const configured = process.env.POSTGRES_BINDIR;
  if (configured) return configured;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "postgres")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : undefined;
}

/** uid/gid of the postgres user when running as root (PostgreSQL will not run as root). */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) =>
    Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout);
  const uid = id("-u");
  const gid = id("-g");
  if (!uid) throw new Error("running as root, and there is no postgres user to run PostgreSQL as");
  return { uid, gid };
}

export async function startOwnPostgres(
  port: number,
  answers: (url: string) => Promise<boolean>,
  descendantsOf: (pid: number) => number[],
): Promise<OwnPostgres | undefined> {
  const bin = serverBinaries();
  if (!bin) return undefined;
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), "shop-postgres-"));
  if (user) chownSync(dir, user.uid, user.gid);
  const initdb = spawnSync(
    join(bin, "initdb"),
    ["-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"],
    { ...user, encoding: "utf8" },
  );
  if (initdb.status !== 0) throw new Error(`initdb failed: ${initdb.stderr || initdb.error}`);

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const args = ["-D", dir, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1"];
  args.push("-c", "max_connections=200");
  const start = async (): Promise<ChildProcess> => {
    const child = spawn(join(bin, "postgres"), args, { ...user, stdio: "ignore" });
    for (let i = 0; i < 200; i++) {
      if (await answers(url)) return child;
      if (child.exitCode !== null) throw new Error(`postgres exited with code ${child.exitCode}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`PostgreSQL did not answer on :${port} within 20 s`);
  };
  let server = await start();
  const running = () => server.exitCode === null && server.signalCode === null;
  const halt = async () => {
    if (!running()) return;
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGINT"); // fast shutdown: running transactions are rolled back
    await exited;
  };
  return {
    url,
    stop: async () => {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
    own: {
      pids: () => (running() && server.pid ? [server.pid, ...descendantsOf(server.pid)] : []),
      restart: async () => {
        await halt();
        server = await start();
      },
    },
  };
}
