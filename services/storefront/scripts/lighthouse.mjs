#!/usr/bin/env node
// Lighthouse (mobile, default throttling) against a page, N runs, median score per category.
// Usage: node scripts/lighthouse.mjs <url> [runs=3] [chrome=/usr/bin/chromium]
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const url = process.argv[2] ?? "http://127.0.0.1:3000/";
const runs = Number(process.argv[3] ?? 3);
const chromePath = process.argv[4] ?? "/usr/bin/chromium";
const flags = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const categories = ["performance", "accessibility", "best-practices", "seo"];

const results = [];
for (let i = 0; i < runs; i++) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: flags });
  try {
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: categories,
    });
    const scores = Object.fromEntries(
      categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
    );
    const metrics = Object.fromEntries(
      [
        "first-contentful-paint",
        "largest-contentful-paint",
        "total-blocking-time",
        "cumulative-layout-shift",
        "speed-index",
      ].map((id) => [id, lhr.audits[id]?.displayValue]),
    );
    const failed = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
      .map((a) => a.id);
    results.push(scores);
    console.log(
      `run ${i + 1}:`,
      JSON.stringify(scores),
      JSON.stringify(metrics),
      failed.length ? `failed: ${failed.join(", ")}` : "",
    );
  } finally {
    await chrome.kill();
  }
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(
  "median:",
  JSON.stringify(Object.fromEntries(categories.map((c) => [c, median(results.map((r) => r[c]))]))),
);
