/** Environment configuration: one zod schema per service, read once at start. */
import { z } from "zod";

/** Thrown when the environment does not satisfy a service's schema; the message names each variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Parses `env` (default `process.env`) with `shape`, failing with every bad variable named.
 *
 * @example
 * const config = loadConfig({ PORT: port(3001), PRODUCT_URL: url("http://127.0.0.1:3002") });
 */
export function loadConfig<S extends z.ZodRawShape>(
  shape: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<S>> {
  const schema = z.object(shape);
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.map(String).join(".") || "(environment)";
      const value = env[name];
      const shown = value === undefined ? "unset" : isSecretName(name) ? "set" : `'${value}'`;
      return `${name}: ${issue.message} (${shown})`;
    });
    throw new ConfigError(problems);
  }
  return result.data;
}

function isSecretName(name: string): boolean {
  return /SECRET|PASSWORD|KEY|TOKEN/i.test(name);
}

/** `NODE_ENV`, defaulting to development. */
export const nodeEnv = () => z.enum(["development", "production", "test"]).default("development");

/** A TCP port with a default. */
export const port = (fallback: number) =>
  z.coerce.number().int().min(0).max(65535).default(fallback);

/** An absolute http(s) URL with a default; trailing slashes are removed. */
export const url = (fallback: string) =>
  z
    .string()
    .url()
    .default(fallback)
    .transform((value) => value.replace(/\/+$/, ""));

/** A positive integer (milliseconds, counts) with a default. */
export const int = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

/** A boolean switch (`true/false/1/0/yes/no`) with a default. */
export const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", ""])
    .optional()
    .transform((value) =>
      value === undefined || value === "" ? fallback : ["true", "1", "yes"].includes(value),
    );

/** Log level for pino. */
export const logLevel = () =>
  z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info");

/**
 * A secret that has a development default but must be set (and strong) in production.
 * Use with {@link requireProductionSecrets} after parsing.
 */
export const secret = (devDefault: string) => z.string().min(1).default(devDefault);

/**
 * Refuses to run in production with a secret left at its development default or shorter than
 * `minLength`. Throws a {@link ConfigError} naming each variable.
 */
export function requireProductionSecrets(
  env: string,
  secrets: Record<string, { value: string; devDefault: string; minLength?: number }>,
): void {
  if (env !== "production") return;
  const problems: string[] = [];
  for (const [name, { value, devDefault, minLength = 32 }] of Object.entries(secrets)) {
    if (value === devDefault)
      problems.push(`${name}: must be set in production (the development default is not allowed)`);
    else if (value.length < minLength)
      problems.push(`${name}: must be at least ${minLength} characters in production`);
  }
  if (problems.length) throw new ConfigError(problems);
}

/** The development default of `INTERNAL_KEY`; {@link requireProductionSecrets} refuses it in production. */
export const DEV_INTERNAL_KEY = "dev-internal-key-change-me";

/**
 * The variables every service reads: `NODE_ENV`, `PORT` (with the part's default) and `LOG_LEVEL`.
 *
 * @example
 * const config = loadConfig({ ...serviceEnv(3003), ...redisEnv(), PRODUCT_URL: url("http://127.0.0.1:3002") });
 */
export const serviceEnv = (defaultPort: number) => ({
  NODE_ENV: nodeEnv(),
  PORT: port(defaultPort),
  LOG_LEVEL: logLevel(),
});

/** `REDIS_URL` (a redis:// URL with the stack's DB number) and `REDIS_PREFIX` (for every key and channel). */
export const redisEnv = () => ({
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .default("redis://127.0.0.1:6379/0"),
  REDIS_PREFIX: z.string().default(""),
});

/** `INTERNAL_KEY`, the shared key of `/internal/*` routes (development default, refused in production). */
export const internalKeyEnv = () => ({ INTERNAL_KEY: secret(DEV_INTERNAL_KEY) });

/**
 * `METRICS_TOKEN`: when set, `GET /metrics` wants `Authorization: Bearer <token>` (Prometheus's
 * `authorization` scrape setting); in production without it the route is off.
 */
export const metricsEnv = () => ({
  NODE_ENV: nodeEnv(),
  /** `false` turns every metric into a no-op (benchmarks measure the cost this way). */
  METRICS: flag(true),
  METRICS_TOKEN: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.string().min(16, "use at least 16 characters").optional()),
});
