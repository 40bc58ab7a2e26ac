/**
 * What an end-to-end test sees of the running stack: part URLs, the development admin, secrets for
 * internal calls, log files, and helpers for HTTP and the browser.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import type { PartName } from "../infra/parts.js";
import type { RunningStack } from "../infra/launcher/stack.js";

export interface StackInfo {
  urls: Record<PartName, string>;
  admin: { email: string; password: string };
  secrets: {
    INTERNAL_KEY: string;
    AUTH_CLIENT_KEY: string;
    WEBHOOK_SECRET: string;
    /** Bearer token of every part's GET /metrics. */
    METRICS_TOKEN: string;
  };
  redisUrl: string;
  /** REDIS_PREFIX of every part of the stack (keys and pub/sub channels). */
  redisPrefix: string;
  databaseUrls: Record<string, string>;
  logDir: string;
  /** The stack's Prometheus (absent when the launcher found no prometheus binary). */
  prometheusUrl?: string;
  /** Port where the stack's parts send OTLP/HTTP traces (a test listens there). */
  otlpReceiverPort?: number;
}

export function encodeStack(stack: RunningStack): string {
  const info: StackInfo = {
    urls: stack.urls,
    admin: stack.admin,
    secrets: stack.secrets,
    redisUrl: stack.redisUrl,
    redisPrefix: stack.profile.redisPrefix ?? "",
    databaseUrls: stack.databaseUrls,
    logDir: stack.logDir,
    prometheusUrl: stack.prometheus?.url,
    otlpReceiverPort: stack.otlpReceiverPort,
  };
  return JSON.stringify(info);
}

/** The stack started by e2e/run.ts (run the suite with `npm run test:e2e -w e2e`). */
export function stack(): StackInfo {
  const raw = process.env.E2E_STACK;
  if (!raw)
    throw new Error("E2E_STACK is not set: run end-to-end tests through `npm run test:e2e -w e2e`");
  return JSON.parse(raw) as StackInfo;
}

/** Log lines of a part that mention `needle`. */
export function logLinesWith(part: PartName, needle: string): string[] {
  const text = readFileSync(join(stack().logDir, `${part}.log`), "utf8");
  return text.split("\n").filter((line) => line.includes(needle));
}

/**
 * Waits until `part` has written every log line of the requests it has answered so far: sends it
 * one more request with a marker request id (at `path`, which the part must log) and waits for
 * that line — a part writes its log in order, so the lines before it are there too.
 */
export async function logsFlushed(part: PartName, path: string): Promise<void> {
  const marker = `flush-${Math.random().toString(36).slice(2)}`;
  const res = await fetch(`${stack().urls[part]}${path}`, { headers: { "x-request-id": marker } });
  await res.arrayBuffer();
  const deadline = Date.now() + 10_000;
  while (logLinesWith(part, marker).length === 0) {
    if (Date.now() > deadline) throw new Error(`${part} did not log ${path} within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Basic header the first-party clients use towards auth. */
export function clientAuthHeader(clientId = "storefront"): string {
  return `Basic ${Buffer.from(`${clientId}:${stack().secrets.AUTH_CLIENT_KEY}`).toString("base64")}`;
}

/** Launches Debian's Chromium headless through playwright-core (never a downloaded browser). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
