/** A short description of the machine a benchmark ran on, stored with its results. */
import { cpus, freemem, loadavg, totalmem, type as osType, release } from "node:os";
import { spawnSync } from "node:child_process";

export function describeMachine() {
  const version = (cmd: string, args: string[]) =>
    spawnSync(cmd, args, { encoding: "utf8" }).stdout?.split("\n")[0]?.trim() ?? "";
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    freeMemoryGiB: Math.round(freemem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
    nginx: spawnSync("nginx", ["-v"], { encoding: "utf8" }).stderr?.trim() ?? "",
    wrk: version("wrk", ["--version"]).split(" ").slice(0, 2).join(" "),
    /** 1, 5 and 15 minute load averages: other work on the machine makes figures noisy. */
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    date: new Date().toISOString(),
  };
}
