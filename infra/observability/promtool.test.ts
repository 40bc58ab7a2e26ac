// The real promtool accepts the shipped Prometheus configuration and rules, and the rules' unit
// tests (rules/*.test.yml) pass. promtool comes with Debian's `prometheus` package (.ci/run
// installs it); without it this fails rather than skips, so a broken rule cannot slip through.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { stackProfiles } from "../launcher/stacks.js";
import { composeConfigPath, renderConfig, rulesDir, stackConfig } from "./prometheus-config.js";

function findPromtool(): string | undefined {
  const configured = process.env.PROMTOOL;
  if (configured) return existsSync(configured) ? configured : undefined;
  const found = spawnSync("sh", ["-c", "command -v promtool"], { encoding: "utf8" });
  if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  return existsSync("/usr/bin/promtool") ? "/usr/bin/promtool" : undefined;
}

const promtool = findPromtool();
const MISSING =
  "promtool is not installed: install Debian's prometheus package " +
  "(apt-get install -y --no-install-recommends prometheus), which provides /usr/bin/promtool, " +
  "or point PROMTOOL at a promtool binary";

function run(args: string[], cwd = rulesDir) {
  assert.ok(promtool, MISSING);
  const result = spawnSync(promtool, args, { cwd, encoding: "utf8" });
  const output = `${result.stdout}${result.stderr}`;
  assert.equal(result.status, 0, `promtool ${args.join(" ")}:\n${output}`);
  return output;
}

const scratch = mkdtempSync(join(tmpdir(), "promtool-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("promtool check config accepts a stack's generated configuration with its rules and token", () => {
  const tokenFile = join(scratch, "metrics-token");
  writeFileSync(tokenFile, "a-token-of-sixteen-or-more", { mode: 0o600 });
  const file = join(scratch, "prometheus.yml");
  writeFileSync(file, renderConfig(stackConfig({ profile: stackProfiles.dev, tokenFile }), "test"));
  const output = run(["check", "config", file]);
  // The rule files it points at are found and checked too.
  assert.match(output, /SUCCESS: \d+ rules found/);
});

test("promtool check config accepts the committed compose configuration", () => {
  // Its paths are the container's (/etc/prometheus/rules, /tmp/metrics-token): syntax only.
  run(["check", "config", "--syntax-only", composeConfigPath]);
});

test("promtool check rules accepts every rule file", () => {
  const files = readdirSync(rulesDir).filter((f) => f.endsWith(".rules.yml"));
  assert.ok(files.length > 0);
  const output = run(["check", "rules", ...files]);
  assert.equal(output.match(/SUCCESS/g)?.length, files.length, output);
});

test("promtool test rules: every alert fires on its condition and stays quiet otherwise", () => {
  const files = readdirSync(rulesDir).filter((f) => f.endsWith(".test.yml"));
  assert.ok(files.length > 0);
  const output = run(["test", "rules", ...files]);
  assert.equal(output.match(/SUCCESS/g)?.length, files.length, output);
});
