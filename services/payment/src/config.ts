/** The payment service's environment, read once at start (the only reader of process.env). */
import {
  ConfigError,
  DEV_INTERNAL_KEY,
  flag,
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
  /**
   * The built-in sandbox provider approves any valid card number, so production refuses to start
   * with it as the only provider unless this says the shop takes no real money (a demo).
   */
  ALLOW_SANDBOX_PAYMENTS: flag(false),
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

/** Parses the environment; in production refuses the development secrets and a sandbox-only shop unless allowed. */
export function readConfig(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(shape, env);
  requireProductionSecrets(config.NODE_ENV, {
    INTERNAL_KEY: { value: config.INTERNAL_KEY, devDefault: DEV_INTERNAL_KEY },
    WEBHOOK_SECRET: { value: config.WEBHOOK_SECRET, devDefault: DEV_WEBHOOK_SECRET },
  });
  // The sandbox is the only provider this service has; a real one would be configured here.
  if (config.NODE_ENV === "production" && !config.ALLOW_SANDBOX_PAYMENTS) {
    throw new ConfigError([
      "ALLOW_SANDBOX_PAYMENTS: the only payment provider is the sandbox, which approves any valid card number; set ALLOW_SANDBOX_PAYMENTS=true to run a demo shop in production mode",
    ]);
  }
  return config;
}
