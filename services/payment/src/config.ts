/** The payment service's environment, read once at start (the only reader of process.env). */
import {
  DEV_INTERNAL_KEY,
  int,
  internalKeyEnv,
  loadConfig,
  requireProductionSecrets,
  secret,
  serviceEnv,
  url,
} from "@shop/platform";
import { z } from "zod";

export { DEV_INTERNAL_KEY };
export const DEV_WEBHOOK_SECRET = "dev-webhook-secret-change-me";

const shape = {
  ...serviceEnv(7001),
  DATABASE_URL: url("postgres://postgres@127.0.0.1:5432/payment"),
  ORDER_URL: url("http://127.0.0.1:7000"),
  ...internalKeyEnv(),
  WEBHOOK_SECRET: secret(DEV_WEBHOOK_SECRET),
  /** Where the built-in test provider delivers its webhooks (default: this service's own public route). */
  TEST_PROVIDER_WEBHOOK_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().url().optional(),
  ),
  /** How long the "settles later" test card waits before its webhook settles it. */
  TEST_PROVIDER_SETTLE_DELAY_MS: int(2_000),
  /** How long the "processing error" test card takes before failing. */
  TEST_PROVIDER_FAIL_DELAY_MS: int(3_000),
  /** Accepted age of a webhook signature timestamp, both directions. */
  WEBHOOK_TOLERANCE_SECONDS: int(300),
  /** How often the forwarder looks for payment events still to deliver to the order service. */
  FORWARD_POLL_MS: int(500),
};

export type Config = ReturnType<typeof readConfig>;

/** Parses the environment; in production refuses the development secrets. */
export function readConfig(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(shape, env);
  requireProductionSecrets(config.NODE_ENV, {
    INTERNAL_KEY: { value: config.INTERNAL_KEY, devDefault: DEV_INTERNAL_KEY },
    WEBHOOK_SECRET: { value: config.WEBHOOK_SECRET, devDefault: DEV_WEBHOOK_SECRET },
  });
  return config;
}
