/** The order service's environment, read once at start (the only reader of process.env). */
import {
  flag,
  int,
  loadConfig,
  logLevel,
  nodeEnv,
  port,
  requireProductionSecrets,
  secret,
  url,
} from "@shop/platform";
import { z } from "zod";

export const DEV_INTERNAL_KEY = "dev-internal-key-change-me";

const shape = {
  NODE_ENV: nodeEnv(),
  PORT: port(7000),
  LOG_LEVEL: logLevel(),
  DATABASE_URL: url("postgres://postgres@127.0.0.1:5432/order"),
  REDIS_URL: z.string().default("redis://127.0.0.1:6379"),
  REDIS_PREFIX: z.string().default(""),
  PRODUCT_URL: url("http://127.0.0.1:3002"),
  CART_URL: url("http://127.0.0.1:3003"),
  PAYMENT_URL: url("http://127.0.0.1:7001"),
  MEMBER_URL: url("http://127.0.0.1:5000"),
  AUTH_URL: url("http://127.0.0.1:4000"),
  INTERNAL_KEY: secret(DEV_INTERNAL_KEY),
  /** How long stock stays reserved for an unpaid order; the sweeper cancels such orders after it. */
  RESERVATION_TTL_SECONDS: int(600),
  SWEEP_INTERVAL_MS: int(15_000),
  OUTBOX_POLL_MS: int(500),
  /** Per-call timeout towards the payment service (the slow test card takes about 3 s). */
  PAYMENT_TIMEOUT_MS: int(10_000),
  ENABLE_OUTBOX_RELAY: flag(true),
  ENABLE_SWEEPER: flag(true),
};

export type Config = ReturnType<typeof readConfig>;

/** Parses the environment; in production refuses the development secrets. */
export function readConfig(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(shape, env);
  requireProductionSecrets(config.NODE_ENV, {
    INTERNAL_KEY: { value: config.INTERNAL_KEY, devDefault: DEV_INTERNAL_KEY },
  });
  return config;
}
