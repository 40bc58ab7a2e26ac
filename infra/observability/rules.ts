/**
 * The shipped Prometheus rules as data (read from rules/*.rules.yml and their promtool tests),
 * the metric names every part exposes (the metrics contract of docs/observability.md), and the
 * alerts table of that page: `node --import tsx infra/observability/rules.ts --write` rewrites it.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { rulesDir } from "./prometheus-config.js";

export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
export interface RecordingRule {
  record: string;
  expr: string;
}
export interface RuleFile {
  file: string;
  groups: Array<{ name: string; rules: Array<AlertRule | RecordingRule> }>;
}

/** Histograms (their `_bucket`, `_count` and `_sum` series) every part may expose. */
export const CONTRACT_HISTOGRAMS = [
  "http_server_request_duration_seconds",
  "dependency_request_duration_seconds",
];
/** Counters and gauges of the contract, and Prometheus's own `up`. */
export const CONTRACT_SERIES = [
  "up",
  "process_cpu_seconds_total",
  "process_resident_memory_bytes",
  "nodejs_eventloop_lag_p99_seconds",
  "cache_events_total",
  "cache_fills_total",
  "idempotency_events_total",
  "rate_limit_rejections_total",
  "circuit_breaker_state",
  "token_verifications_total",
  "token_revocations_total",
  "outbox_backlog_events",
  "outbox_oldest_unpublished_age_seconds",
  "stock_reservations_open",
  "stock_reservations_expired_total",
  "shop_carts_created_total",
  "shop_checkouts_total",
  "shop_revenue_krw_total",
  "shop_orders",
  "shop_logins_total",
];

export function ruleFiles(dir = rulesDir): RuleFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".rules.yml"))
    .sort()
    .map((file) => ({ ...(parse(readFileSync(join(dir, file), "utf8")) as RuleFile), file }));
}

export const alertRules = (files = ruleFiles()): AlertRule[] =>
  files
    .flatMap((f) => f.groups.flatMap((g) => g.rules))
    .filter((r): r is AlertRule => "alert" in r);

export const recordingRules = (files = ruleFiles()): RecordingRule[] =>
  files
    .flatMap((f) => f.groups.flatMap((g) => g.rules))
    .filter((r): r is RecordingRule => "record" in r);

export interface AlertTest {
  alertname: string;
  fires: boolean;
}

/** Every alert expectation of the promtool tests (`exp_alerts` empty means: stays quiet). */
export function alertTests(dir = rulesDir): AlertTest[] {
  const found: AlertTest[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".test.yml"))) {
    const doc = parse(readFileSync(join(dir, file), "utf8")) as {
      tests: Array<{ alert_rule_test?: Array<{ alertname: string; exp_alerts?: unknown[] }> }>;
    };
    for (const t of doc.tests)
      for (const a of t.alert_rule_test ?? [])
        found.push({ alertname: a.alertname, fires: (a.exp_alerts ?? []).length > 0 });
  }
  return found;
}

const KEYWORDS = new Set(["and", "or", "unless", "bool", "offset"]);

/** The metric (or recorded series) names a PromQL expression reads. */
export function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ");
  const names: string[] = [];
  for (const match of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const rest = stripped.slice((match.index ?? 0) + match[0].length).trimStart();
    if (rest.startsWith("(") || KEYWORDS.has(match[0])) continue;
    names.push(match[0]);
  }
  return names;
}

/** True when `name` is a contract series, a contract histogram's series, or a recorded one. */
export function knownSeries(name: string, recorded: Set<string>): boolean {
  if (CONTRACT_SERIES.includes(name) || recorded.has(name)) return true;
  const base = name.replace(/_(bucket|count|sum)$/, "");
  return base !== name && CONTRACT_HISTOGRAMS.includes(base);
}

export const docsPath = join(import.meta.dirname, "..", "..", "docs", "observability.md");
export const ALERTS_START = "<!-- alerts:start (generated from infra/observability/rules) -->";
export const ALERTS_END = "<!-- alerts:end -->";

/** `{{ $labels.service }}` → `<service>` (in code quotes), `{{ $value … }}` → `<value>`. */
const readable = (text: string) =>
  text
    .replace(/\{\{\s*\$labels\.(\w+)\s*\}\}/g, "`<$1>`")
    .replace(/\{\{\s*\$value[^}]*\}\}/g, "`<value>`");

export function alertsMarkdown(files = ruleFiles()): string {
  const lines = [ALERTS_START];
  for (const file of files) {
    for (const rule of alertRules([file])) {
      lines.push(
        "",
        `### ${rule.alert}`,
        "",
        `**${rule.labels.severity}**, after ${rule.for ?? "one evaluation"} — rules/${file.file}`,
        "",
        "```promql",
        rule.expr.trim(),
        "```",
        "",
        `${readable(rule.annotations.description ?? "")}`,
        "",
        `Runbook: ${readable(rule.annotations.runbook ?? "")}`,
      );
    }
  }
  lines.push("", ALERTS_END);
  return lines.join("\n");
}

export function withAlertsTable(page: string): string {
  const from = page.indexOf(ALERTS_START);
  const to = page.indexOf(ALERTS_END);
  if (from < 0 || to < 0) throw new Error(`docs/observability.md has no ${ALERTS_START} markers`);
  return page.slice(0, from) + alertsMarkdown() + page.slice(to + ALERTS_END.length);
}

if (process.argv[1] === import.meta.filename && process.argv.includes("--write"))
  writeFileSync(docsPath, withAlertsTable(readFileSync(docsPath, "utf8")));
