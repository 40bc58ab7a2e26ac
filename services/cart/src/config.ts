/** Cart service configuration: the only module that reads the environment. */
import {
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
const DAY = 24 * 3600;

const shape = {
  NODE_ENV: nodeEnv(),
  PORT: port(3003),
  LOG_LEVEL: logLevel(),
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379/0"),
  /** Prefix for every key and channel (the stack's namespace). */
  REDIS_PREFIX: z.string().default(""),
  PRODUCT_URL: url("http://127.0.0.1:3002"),
  AUTH_URL: url("http://127.0.0.1:4000"),
  INTERNAL_KEY: secret(DEV_INTERNAL_KEY),
  /** Inactivity expiry, refreshed on every write. */
  GUEST_CART_TTL_SECONDS: int(7 * DAY),
  MEMBER_CART_TTL_SECONDS: int(30 * DAY),
  /** At most 200: the product service looks up at most 200 lines per call. */
  MAX_CART_LINES: z.coerce.number().int().min(1).max(200).default(50),
  MAX_LINE_QUANTITY: z.coerce.number().int().min(1).max(10_000).default(99),
  /** How long after its expiry a guest access token still proves ownership of its cart at merge. */
  MERGE_GUEST_TOKEN_GRACE_SECONDS: int(DAY),
  PRODUCT_TIMEOUT_MS: int(2_000),
};

export type Config = ReturnType<typeof readConfig>;

/** Parses the environment; in production refuses the development internal key. */
export function readConfig(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(shape, env);
  requireProductionSecrets(config.NODE_ENV, {
    INTERNAL_KEY: { value: config.INTERNAL_KEY, devDefault: DEV_INTERNAL_KEY },
  });
  return config;
}
