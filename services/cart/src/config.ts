/** Cart service configuration: the only module that reads the environment. */
import {
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

export { DEV_INTERNAL_KEY };
const DAY = 24 * 3600;

const shape = {
  ...serviceEnv(3003),
  ...redisEnv(),
  PRODUCT_URL: url("http://127.0.0.1:3002"),
  AUTH_URL: url("http://127.0.0.1:4000"),
  ...internalKeyEnv(),
  /** Inactivity expiry, refreshed on every write. */
  GUEST_CART_TTL_SECONDS: int(7 * DAY),
  MEMBER_CART_TTL_SECONDS: int(30 * DAY),
  /** At most 200: the product service looks up at most 200 lines per call. */
  MAX_CART_LINES: z.coerce.number().int().min(1).max(200).default(50),
  MAX_LINE_QUANTITY: z.coerce.number().int().min(1).max(10_000).default(99),
  /** How long after its expiry a guest access token still proves ownership of its cart at merge. */
  MERGE_GUEST_TOKEN_GRACE_SECONDS: int(DAY),
  PRODUCT_TIMEOUT_MS: int(3_000),
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
