/** Member service configuration: the only reader of process.env. */
import {
  ConfigError,
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

const DEV_INTERNAL_KEY = "dev-internal-key-change-me";

const shape = {
  NODE_ENV: nodeEnv(),
  PORT: port(5000),
  LOG_LEVEL: logLevel(),
  DATABASE_URL: z.string().url().default("postgres://postgres@127.0.0.1:5432/member"),
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379/0"),
  REDIS_PREFIX: z.string().default(""),
  AUTH_URL: url("http://127.0.0.1:4000"),
  INTERNAL_KEY: secret(DEV_INTERNAL_KEY),
  /** The first admin, created at start when missing (required in production). */
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(1).optional(),
  /** Longest access-token lifetime auth may issue: how long a revocation must be remembered. */
  ACCESS_TOKEN_MAX_AGE_SEC: int(900),
  /** How long a completed create is replayed for the same Idempotency-Key. */
  IDEMPOTENCY_TTL_SEC: int(24 * 3600),
  BODY_LIMIT_BYTES: int(64 * 1024),
  DB_POOL_SIZE: int(10),
};

export type Config = z.infer<z.ZodObject<typeof shape>>;

/** Reads and validates the environment; production refuses default secrets and a missing admin. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const config = loadConfig(shape, env);
  requireProductionSecrets(config.NODE_ENV, {
    INTERNAL_KEY: { value: config.INTERNAL_KEY, devDefault: DEV_INTERNAL_KEY },
  });
  if (config.NODE_ENV === "production") {
    const missing = (["ADMIN_EMAIL", "ADMIN_PASSWORD"] as const).filter((name) => !config[name]);
    if (missing.length) {
      throw new ConfigError(
        missing.map((name) => `${name}: required in production (the first admin account)`),
      );
    }
  }
  return config;
}
