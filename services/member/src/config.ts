/** Member service configuration: the only reader of process.env. */
import {
  ConfigError,
  DEV_INTERNAL_KEY,
  int,
  internalKeyEnv,
  loadConfig,
  redisEnv,
  requireProductionSecrets,
  serviceEnv,
  url,
} from "@shop/platform";
import { z } from "zod";

const shape = {
  ...serviceEnv(5000),
  DATABASE_URL: z.string().url().default("postgres://postgres@127.0.0.1:5432/member"),
  ...redisEnv(),
  AUTH_URL: url("http://127.0.0.1:4000"),
  ...internalKeyEnv(),
  /** The first admin, created at start when missing (required in production). */
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(1).optional(),
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
