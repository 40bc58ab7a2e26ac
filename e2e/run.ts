/**
 * End-to-end run: starts one whole platform stack on its own ports, databases and Redis DB (the
 * `e2e` profile), runs every *.test.ts under e2e/ against it, stops it, and checks nothing is left
 * listening. `npm run test:e2e -w e2e` runs this; `npm test` runs it last.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { consoleReporter } from "../infra/launcher/report.js";
import { portInUse } from "../infra/launcher/processes.js";
import { prometheusPort } from "../infra/launcher/prometheus.js";
import { portOf, startStack } from "../infra/launcher/stack.js";
import { e2eSlot } from "../infra/launcher/stacks.js";
import { encodeStack } from "./harness.js";

const files = process.argv.slice(2);
const report = consoleReporter();
// E2E_SLOT=1..9 runs a second, independent e2e stack beside the default one.
const profile = e2eSlot(Number(process.env.E2E_SLOT ?? 0));
// With the stack's Prometheus, so platform/prometheus.test.ts can query what it scraped.
const stack = await startStack({ profile, report, prometheus: true }).catch((error: Error) => {
  report.fail("e2e", error.message);
  process.exit(1);
});

// Asynchronous on purpose: this process relays the parts' logs into their files while tests run.
// The chaos tests (chaos/) start a stack of their own and run as their own step.
const child = spawn("run-tests", files.length ? files : ["api", "browser", "platform"], {
  cwd: import.meta.dirname,
  stdio: "inherit",
  env: {
    ...process.env,
    PATH: `${join(import.meta.dirname, "..", "node_modules/.bin")}:${process.env.PATH}`,
    E2E_STACK: encodeStack(stack),
  },
});
let code = await new Promise<number>((resolve) => {
  child.on("exit", (c) => resolve(c ?? 1));
  child.on("error", () => resolve(1));
});
await stack.stop();

const leftovers = (
  await Promise.all([
    ...stack.parts.map(async (p) =>
      (await portInUse(portOf(p, stack.profile))) ? p.name : undefined,
    ),
    portInUse(prometheusPort(stack.profile)).then((busy) => (busy ? "prometheus" : undefined)),
  ])
).filter(Boolean);
if (leftovers.length) {
  report.fail("e2e", `still listening after stop: ${leftovers.join(", ")}`);
  code = 1;
} else {
  report.ok("e2e", "stack stopped; no part left listening");
}
process.exit(code);
