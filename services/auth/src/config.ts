/** Auth service configuration: the only reader of process.env. */
import {
  LOOPBACK_PROXIES,
  ConfigError,
  DEV_INTERNAL_KEY,
  int,
  internalKeyEnv,
  loadConfig,
  redisEnv,
  requireProductionSecrets,
  secret,
  serviceEnv,
  url,
} from "@shop/platform";
import { z } from "zod";

const DEV_CLIENT_KEY = "dev-auth-client-key-change-me";
const DAY = 24 * 3600;

const shape = {
  ...serviceEnv(4000),
  ...redisEnv(),
  MEMBER_URL: url("http://127.0.0.1:5000"),
  ...internalKeyEnv(),
  /** First-party clients (storefront, edge proxy) send it in `Authorization: Basic`. */
  AUTH_CLIENT_KEY: secret(DEV_CLIENT_KEY),
  /** Production: a JWK set of Ed25519 private keys, newest (signing) first. */
  AUTH_SIGNING_KEYS: z.string().optional(),
  /** Development: where the generated signing key is kept (git-ignored). */
  KEY_DIR: z.string().default(".data/keys"),
  ACCESS_TOKEN_TTL_SEC: z.coerce.number().int().min(60).max(900).default(600),
  MEMBER_SESSION_IDLE_SEC: int(7 * DAY),
  MEMBER_SESSION_MAX_SEC: int(30 * DAY),
  GUEST_SESSION_IDLE_SEC: int(2 * DAY),
  GUEST_SESSION_MAX_SEC: int(7 * DAY),
  /** Two tabs refreshing with the same token within this window both get the same successor. */
  REFRESH_REUSE_GRACE_SEC: int(10),
  LOGIN_FAILURES_PER_ACCOUNT: int(5),
  LOGIN_FAILURES_PER_IP: int(20),
  LOGIN_FAILURE_WINDOW_SEC: int(15 * 60),
  GUEST_SESSIONS_PER_IP_PER_MINUTE: int(120),
  REGISTRATIONS_PER_IP_PER_HOUR: int(100),
  BODY_LIMIT_BYTES: int(64 * 1024),
  /**
   * Proxies whose X-Forwarded-For is believed (comma-separated addresses or networks): the
   * platform's rule takes the right-most hop that is not one of them. Default: loopback.
   */
  TRUSTED_PROXIES: z
    .string()
    .default(LOOPBACK_PROXIES.join(","))
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    ),
};

export type Config = z.infer<z.ZodObject<typeof shape>>;

/** Reads and validates the environment; production refuses default or weak secrets and needs keys. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const config = loadConfig(shape, env);
  requireProductionSecrets(config.NODE_ENV, {
    INTERNAL_KEY: { value: config.INTERNAL_KEY, devDefault: DEV_INTERNAL_KEY },
    AUTH_CLIENT_KEY: { value: config.AUTH_CLIENT_KEY, devDefault: DEV_CLIENT_KEY, minLength: 32 },
  });
  const problems: string[] = [];
  if (config.NODE_ENV === "production" && !config.AUTH_SIGNING_KEYS) {
    problems.push(
      "AUTH_SIGNING_KEYS: required in production (a JWK set of Ed25519 private keys, newest first)",
    );
  }
  if (config.MEMBER_SESSION_IDLE_SEC > config.MEMBER_SESSION_MAX_SEC) {
    problems.push("MEMBER_SESSION_IDLE_SEC: must not exceed MEMBER_SESSION_MAX_SEC");
  }
  if (config.GUEST_SESSION_IDLE_SEC > config.GUEST_SESSION_MAX_SEC) {
    problems.push("GUEST_SESSION_IDLE_SEC: must not exceed GUEST_SESSION_MAX_SEC");
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
