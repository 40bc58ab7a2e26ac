/** The order service's environment, read once at start (the only reader of process.env). */
import {
  DEV_INTERNAL_KEY,
  flag,
  int,
  internalKeyEnv,
  loadConfig,
  redisEnv,
  requireProductionSecrets,
  serviceEnv,
  url,
} from "@shop/platform";

export { DEV_INTERNAL_KEY };

const shape = {
  ...serviceEnv(7000),
  DATABASE_URL: url("postgres://postgres@127.0.0.1:5432/order"),
  ...redisEnv(),
  PRODUCT_URL: url("http://127.0.0.1:3002"),
  CART_URL: url("http://127.0.0.1:3003"),
  PAYMENT_URL: url("http://127.0.0.1:7001"),
  MEMBER_URL: url("http://127.0.0.1:5000"),
  AUTH_URL: url("http://127.0.0.1:4000"),
  ...internalKeyEnv(),
  /** How long stock stays reserved for an unpaid order; the sweeper cancels such orders after it. */
  RESERVATION_TTL_SECONDS: int(600),
  SWEEP_INTERVAL_MS: int(15_000),
  /** A checkout still running after this is taken for interrupted (its process died) and undone. */
  CHECKOUT_STALE_AFTER_SECONDS: int(60),
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
