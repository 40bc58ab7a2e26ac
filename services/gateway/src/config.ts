/** The gateway's environment: the only module that reads process.env. */
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
import { fileURLToPath } from "node:url";
import { z } from "zod";

export { DEV_INTERNAL_KEY };

const shape = {
  ...serviceEnv(8000),
  HOST: z.string().default("0.0.0.0"),
  ...redisEnv(),
  ...internalKeyEnv(),
  AUTH_URL: url("http://127.0.0.1:4000"),
  /** The route file; default: gateway.yaml beside this service's package.json. */
  GATEWAY_CONFIG: z
    .string()
    .optional()
    .transform((value) => value || fileURLToPath(new URL("../gateway.yaml", import.meta.url))),
  /** Comma-separated CORS origins replacing the file's list. */
  CORS_ORIGINS: z.string().optional(),
  /** Comma-separated trusted proxy addresses replacing the file's list. */
  TRUSTED_PROXIES: z.string().optional(),
  ENABLE_RATE_LIMIT: flag(true),
  ENABLE_WARM_UP: flag(true),
  ENABLE_ACCESS_LOG: flag(true),
  /** Worker processes (node:cluster); 1 runs in a single process. */
  GATEWAY_WORKERS: int(1),
};

export type GatewayEnv = ReturnType<typeof loadGatewayEnv>;

/**
 * Reads the environment. Upstream URLs come as `<NAME>_URL` for every upstream in the route file,
 * so they are collected here and resolved against the file by the app.
 */
export function loadGatewayEnv(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(shape, env);
  requireProductionSecrets(config.NODE_ENV, {
    INTERNAL_KEY: { value: config.INTERNAL_KEY, devDefault: DEV_INTERNAL_KEY },
  });
  const upstreamUrls: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (
      /^[A-Z][A-Z0-9_]*_URL$/.test(name) &&
      value &&
      name !== "REDIS_URL" &&
      name !== "DATABASE_URL"
    )
      upstreamUrls[name] = value;
  }
  return { ...config, upstreamUrls };
}

/** A comma-separated list; unset or empty means "use the route file's list". */
export const list = (value: string | undefined): string[] | undefined =>
  value
    ? value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
