/**
 * Storefront configuration: the only module that reads process.env. Same rules as the platform's
 * loadConfig (zod schema, every bad variable named, default secrets refused in production); kept
 * local because Next's bundler cannot follow the platform package's `.js`-suffixed TS imports.
 */
import { z } from "zod";

export const DEV_AUTH_CLIENT_KEY = "dev-auth-client-key-change-me";

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
  /** Auth service, called directly for login, registration, logout and refresh. */
  AUTH_URL: httpUrl("http://127.0.0.1:4000"),
  /** Public origin of the shop (the edge proxy), used for absolute URLs in metadata. */
  PUBLIC_URL: httpUrl("http://localhost:9000"),
  /** First-party client key for auth's token-minting routes (client id `storefront`). */
  AUTH_CLIENT_KEY: z.string().min(1).default(DEV_AUTH_CLIENT_KEY),
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

/** Parses and checks `env`; production refuses the development client key and short keys. */
export function parseConfig(env: Record<string, string | undefined>): StorefrontConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.map(String).join(".");
        const shown =
          env[name] === undefined ? "unset" : /KEY|SECRET/.test(name) ? "set" : `'${env[name]}'`;
        return `${name}: ${issue.message} (${shown})`;
      }),
    );
  }
  const parsed = result.data;
  // `next build` runs with NODE_ENV=production but holds no secrets (Docker builds); the running
  // server checks them at start (instrumentation.ts) and on first use.
  if (parsed.NODE_ENV === "production" && env.NEXT_PHASE !== "phase-production-build") {
    if (parsed.AUTH_CLIENT_KEY === DEV_AUTH_CLIENT_KEY) {
      throw new ConfigError([
        "AUTH_CLIENT_KEY: must be set in production (the development default is not allowed)",
      ]);
    }
    if (parsed.AUTH_CLIENT_KEY.length < 32) {
      throw new ConfigError(["AUTH_CLIENT_KEY: must be at least 32 characters in production"]);
    }
  }
  return parsed;
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
