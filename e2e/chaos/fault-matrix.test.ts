// The fault matrix of docs/fault-matrix.md, enforced: for each dependency hung and down, every
// probe gets the answer the document states within its bound, and every probe is served again once
// the dependency is back, with no other part restarted. CHAOS_OBSERVE=1 prints what each fault
// does instead of checking (for writing the document).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { RunningStack } from "../../infra/launcher/stack.js";
import { asCell, runFault, type Observation } from "./faults.js";
import { chaosStack, type Target } from "./lab.js";
import { readMatrix, type Expected, type Fault } from "./matrix.js";
import { probeWorld, probes, type ProbeWorld } from "./probes.js";

const LEAKS = /\n\s+at |node_modules|QueryFailedError|Prisma|ECONNREFUSED|ioredis|TypeORM/;

let stack: RunningStack;
let world: ProbeWorld;
before(async () => {
  stack = await chaosStack();
  world = await probeWorld();
});
after(() => stack?.stop());

function check(o: Observation, expected: Expected, where: string) {
  const seen = `${where} · ${o.probe}: ${asCell(o)}`;
  assert.ok(!LEAKS.test(o.answer.text), `${seen} leaks its implementation: ${o.answer.text}`);
  if (o.seen.status === 503)
    assert.ok(o.answer.headers.get("retry-after"), `${seen}: no Retry-After`);
  assert.equal(o.seen.status, expected.status, seen);
  if (expected.code) assert.equal(o.seen.code, expected.code, seen);
  // A cached answer may be fresh or past its freshness (stale-while-revalidate) by the time it is
  // asked for; only a cell that says `stale` requires the stale copy.
  if (expected.stale) assert.ok(o.seen.stale, `${seen}: not served stale`);
  if (expected.page) assert.ok(o.seen.page, `${seen}: not the shop's page`);
  assert.ok(o.answer.ms <= expected.withinMs, `${seen}: over its ${expected.withinMs} ms bound`);
}

if (process.env.CHAOS_OBSERVE) {
  const targets: Target[] = [
    "postgres",
    "redis",
    "storefront",
    "bff",
    "product",
    "member",
    "auth",
    "cart",
    "order",
    "payment",
  ];
  describe("fault matrix (observing)", () => {
    for (const target of targets)
      for (const fault of ["hung", "down"] as Fault[])
        it(`${target} ${fault}`, async () => {
          const run = await runFault(stack, target, fault, probes(world));
          console.log(
            `\n### ${target} ${fault} (recovered in ${(run.recoveryMs / 1000).toFixed(1)} s)`,
          );
          for (const o of run.observations) console.log(`| ${o.probe} | ${asCell(o)} |`);
        });
  });
} else {
  describe("fault matrix (docs/fault-matrix.md)", () => {
    for (const section of readMatrix()) {
      const faults = Object.keys(section.rows[0]?.expected ?? {}) as Fault[];
      for (const fault of faults) {
        it(`${section.title} ${fault}: every request gets its stated answer in time, then is served again`, async () => {
          const wanted = probes(world).filter((p) => section.rows.some((r) => r.probe === p.name));
          assert.equal(wanted.length, section.rows.length, "every row names a probe");
          const run = await runFault(stack, section.target, fault, wanted);
          const measured = run.observations.map((o) => `${o.probe}: ${asCell(o)}`).join("\n  ");
          console.log(
            `${section.title} ${fault} (recovered in ${(run.recoveryMs / 1000).toFixed(1)} s):\n  ${measured}`,
          );
          for (const row of section.rows) {
            const o = run.observations.find((x) => x.probe === row.probe)!;
            check(o, row.expected[fault], `${section.title} ${fault}`);
          }
        });
      }
    }
  });
}
