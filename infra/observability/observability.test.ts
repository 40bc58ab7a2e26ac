// The observability files agree with the manifest and with what they generate: the compose
// Prometheus configuration, the Grafana dashboards, the alerts page; every alert is complete and
// tested both ways; every query names only metrics of the contract or recorded series.
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { e2eSlot, stackProfiles } from "../launcher/stacks.js";
import { parts } from "../parts.js";
import { dashboards } from "./dashboard-specs/index.js";
import { grafanaDir, grafanaFiles } from "./dashboards.js";
import {
  composeConfigPath,
  composeConfigText,
  rulesDir,
  stackConfig,
} from "./prometheus-config.js";
import {
  alertRules,
  alertTests,
  CONTRACT_HISTOGRAMS,
  CONTRACT_SERIES,
  docsPath,
  knownSeries,
  metricNames,
  recordingRules,
  withAlertsTable,
} from "./rules.js";

const root = join(import.meta.dirname, "..", "..");

test("the committed compose Prometheus configuration is the generated one", () => {
  assert.equal(
    readFileSync(composeConfigPath, "utf8"),
    composeConfigText(),
    "run: node --import tsx infra/observability/prometheus-config.ts --write",
  );
});

test("the compose configuration scrapes every part by its compose service name and port", () => {
  const config = parse(readFileSync(composeConfigPath, "utf8")) as ReturnType<typeof stackConfig>;
  assert.deepEqual(
    config.scrape_configs.map((s) => [s.job_name, s.static_configs[0]?.targets]),
    parts.map((p) => [p.name, [`${p.name}:${p.port}`]]),
  );
});

test("a stack's configuration scrapes each part at its port plus the stack's offset", () => {
  const profile = e2eSlot(6);
  const config = stackConfig({ profile, tokenFile: "/data/metrics-token" });
  assert.deepEqual(
    config.scrape_configs.map((s) => [s.job_name, s.static_configs[0]?.targets]),
    parts.map((p) => [p.name, [`127.0.0.1:${p.port + 10_600}`]]),
  );
  for (const scrape of config.scrape_configs)
    assert.deepEqual(scrape.authorization, {
      type: "Bearer",
      credentials_file: "/data/metrics-token",
    });
  assert.deepEqual(config.rule_files, [join(rulesDir, "*.rules.yml")]);
  const open = stackConfig({ profile: stackProfiles.dev, parts: parts.slice(0, 2) });
  assert.equal(open.scrape_configs.length, 2);
  assert.ok(
    open.scrape_configs.every((s) => !s.authorization),
    "no token, no authorization",
  );
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test("the committed Grafana provisioning and dashboards are the generated ones", () => {
  const expected = grafanaFiles();
  const hint = "run: node --import tsx infra/observability/dashboards.ts --write";
  assert.deepEqual(
    filesUnder(grafanaDir)
      .map((f) => relative(grafanaDir, f))
      .sort(),
    Object.keys(expected).sort(),
    hint,
  );
  for (const [path, text] of Object.entries(expected))
    assert.equal(readFileSync(join(grafanaDir, path), "utf8"), text, `${path}: ${hint}`);
});

test("the alerts section of docs/observability.md is generated from the rules", () => {
  const page = readFileSync(docsPath, "utf8");
  assert.equal(
    page,
    withAlertsTable(page),
    "run: node --import tsx infra/observability/rules.ts --write",
  );
});

test("every alert has a severity, a summary, a description and a runbook", () => {
  const alerts = alertRules();
  assert.ok(alerts.length >= 10, `${alerts.length} alerts`);
  for (const alert of alerts) {
    assert.match(alert.labels.severity ?? "", /^(critical|warning)$/, alert.alert);
    for (const key of ["summary", "description", "runbook"])
      assert.ok(alert.annotations[key]?.trim(), `${alert.alert} has no ${key}`);
  }
  const names = alerts.map((a) => a.alert);
  assert.equal(new Set(names).size, names.length, "alert names are unique");
});

test("every alert has a promtool test where it fires and one where it stays quiet", () => {
  const tests = alertTests();
  for (const { alert } of alertRules()) {
    assert.ok(
      tests.some((t) => t.alertname === alert && t.fires),
      `${alert}: no test where it fires`,
    );
    assert.ok(
      tests.some((t) => t.alertname === alert && !t.fires),
      `${alert}: no test where it stays quiet`,
    );
  }
  const names = new Set(alertRules().map((a) => a.alert));
  for (const t of tests) assert.ok(names.has(t.alertname), `tests name unknown ${t.alertname}`);
});

test("rules and dashboards read only metrics of the contract or recorded series", () => {
  const recorded = new Set(recordingRules().map((r) => r.record));
  const queries = [
    ...recordingRules().map((r) => ({ where: r.record, expr: r.expr })),
    ...alertRules().map((r) => ({ where: r.alert, expr: r.expr })),
    ...dashboards.flatMap((d) =>
      d.rows.flatMap((row) =>
        row.panels.flatMap((p) =>
          p.queries.map((q) => ({ where: `${d.uid} / ${p.title}`, expr: q.expr })),
        ),
      ),
    ),
    ...dashboards.flatMap((d) =>
      (d.variables ?? []).map((v) => ({
        where: `${d.uid} $${v.name}`,
        expr: v.query.replace(/^label_values\((.*),\s*\w+\)$/, "$1"),
      })),
    ),
  ];
  const unknown = queries.flatMap(({ where, expr }) =>
    metricNames(expr)
      .filter((name) => !knownSeries(name, recorded))
      .map((name) => `${where}: ${name}`),
  );
  assert.deepEqual(unknown, []);
  assert.deepEqual(metricNames('sum by (le) (rate(a_bucket{x="y"}[5m])) / b and on (c) d'), [
    "a_bucket",
    "b",
    "d",
  ]);
});

/** The metric names packages/platform defines (counter/gauge/histogram calls and scrape-time gauges). */
function platformMetricNames(): { histograms: string[]; others: string[] } {
  const histograms = new Set<string>();
  const others = new Set<string>();
  for (const file of ["metrics.ts", "signals.ts"]) {
    const source = readFileSync(join(root, "packages/platform/src", file), "utf8");
    for (const m of source.matchAll(/\b(counter|gauge|readAtScrape)\(\s*"([a-z_]+)"/g))
      others.add(m[2]!);
    for (const m of source.matchAll(/\b(?:histogram|KeyedHistogram<[^>]*>)\(\s*"([a-z_]+)"/g))
      histograms.add(m[1]!);
  }
  return { histograms: [...histograms].sort(), others: [...others].sort() };
}

test("the contract lists exactly the metrics packages/platform defines", () => {
  const defined = platformMetricNames();
  assert.deepEqual([...CONTRACT_HISTOGRAMS].sort(), defined.histograms);
  const defaults = new Set([
    "up",
    "process_cpu_seconds_total",
    "process_resident_memory_bytes",
    "nodejs_eventloop_lag_p99_seconds",
  ]);
  assert.deepEqual(CONTRACT_SERIES.filter((n) => !defaults.has(n)).sort(), defined.others);
});

test("docs/observability.md lists every metric of the contract", () => {
  const page = readFileSync(docsPath, "utf8");
  for (const name of [...CONTRACT_HISTOGRAMS, ...CONTRACT_SERIES.filter((n) => n !== "up")])
    assert.ok(page.includes(`\`${name}\``), `docs/observability.md does not list ${name}`);
});

interface ComposeService {
  profiles?: string[];
  volumes?: string[];
  ports?: string[];
}

test("compose runs Prometheus and Grafana in the observability profile with the generated files", () => {
  const compose = parse(readFileSync(join(root, "infra/docker-compose.yml"), "utf8")) as {
    services: Record<string, ComposeService>;
  };
  for (const name of ["prometheus", "grafana"]) {
    const service = compose.services[name];
    assert.ok(service, `compose has no ${name} service`);
    assert.deepEqual(service.profiles, ["observability"], `${name} is opt-in`);
    for (const volume of service.volumes ?? []) {
      const source = volume.split(":")[0] ?? "";
      if (source.startsWith("."))
        assert.ok(existsSync(join(root, "infra", source)), `${name} mounts missing ${source}`);
    }
    for (const port of service.ports ?? [])
      assert.match(port, /^127\.0\.0\.1:/, `${name} publishes ${port} beyond this host`);
  }
  const mounts = (compose.services.prometheus?.volumes ?? []).join(" ");
  assert.match(mounts, /\.\/observability\/prometheus\.yml:/);
  assert.match(mounts, /\.\/observability\/rules:/);
});
