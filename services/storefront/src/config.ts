/**
 * Storefront configuration: the only module that reads process.env. Same rules as the platform's
 * loadConfig (zod schema, every bad variable named); kept local because Next's bundler cannot
 * follow the platform package's `.js`-suffixed TS imports. The storefront holds no secret: the
 * session is the edge proxy's, and everything it fetches goes through the gateway.
 */
import { z } from "zod";

const httpUrl = (fallback: string) =>
  z
    .string()
    .url()
    .default(fallback)
    .transform((value) => value.replace(/\/+$/, ""));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Gateway for server-side data (catalogue, account, cart, orders). */
  GATEWAY_URL: httpUrl("http://127.0.0.1:8000"),
  /** Auth service: its JWKS verifies the session cookie of the request being rendered. */
  AUTH_URL: httpUrl("http://127.0.0.1:4000"),
  /** Public origin of the shop (the edge proxy), used for absolute URLs in metadata. */
  PUBLIC_URL: httpUrl("http://localhost:9000"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type StorefrontConfig = z.infer<typeof schema>;

/** Thrown when the environment is not valid; the message names each variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses and checks `env`. */
export function parseConfig(env: Record<string, string | undefined>): StorefrontConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.map(String).join(".");
        const shown = env[name] === undefined ? "unset" : `'${env[name]}'`;
        return `${name}: ${issue.message} (${shown})`;
      }),
    );
  }
  return result.data;
}

let cached: StorefrontConfig | undefined;

/** The process configuration, read once. */
export function config(): StorefrontConfig {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Start-up check: print what is wrong with the environment and exit (a server must not half-start). */
export function assertConfig(): void {
  try {
    config();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
