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
}

export const DEV_ADMIN = { email: "admin@shop.local", password: "shop-admin-2026" };

export function devSecrets(file = join(dataRoot, "secrets.json")): DevSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DevSecrets;
  const secrets: DevSecrets = {
    INTERNAL_KEY: randomBytes(32).toString("base64url"),
    AUTH_CLIENT_KEY: randomBytes(32).toString("base64url"),
    WEBHOOK_SECRET: randomBytes(32).toString("base64url"),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
