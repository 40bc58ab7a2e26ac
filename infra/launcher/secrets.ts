/**
 * Development secrets, generated once per data folder and kept in .data/secrets.json (git-ignored),
 * so a developer's stack never runs on well-known keys. Production gets its secrets from the
 * deployment; services refuse to start there without them.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { dataRoot } from "./stacks.js";

export interface DevSecrets {
  INTERNAL_KEY: string;
  AUTH_CLIENT_KEY: string;
  WEBHOOK_SECRET: string;
  /** `Authorization: Bearer` token of every part's GET /metrics; the stack's Prometheus sends it. */
  METRICS_TOKEN: string;
}

export const DEV_ADMIN = { email: "admin@shop.local", password: "shop-admin-2026" };

export function devSecrets(file = join(dataRoot, "secrets.json")): DevSecrets {
  const kept = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as Partial<DevSecrets>)
    : {};
  const secrets: DevSecrets = {
    INTERNAL_KEY: randomBytes(32).toString("base64url"),
    AUTH_CLIENT_KEY: randomBytes(32).toString("base64url"),
    WEBHOOK_SECRET: randomBytes(32).toString("base64url"),
    METRICS_TOKEN: randomBytes(32).toString("base64url"),
    ...kept,
  };
  // A file from before a secret existed gets the new one; the others stay as they were.
  if (Object.keys(kept).length === Object.keys(secrets).length) return secrets;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
