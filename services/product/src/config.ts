/** Product service configuration: the only module that reads process.env. */
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
import { z } from "zod";

const shape = {
  ...serviceEnv(3002),
  DATABASE_URL: z.string().url().default("postgres://postgres@127.0.0.1:5432/product"),
  DB_POOL_SIZE: int(10),
  ...redisEnv(),
  AUTH_URL: url("http://127.0.0.1:4000"),
  ...internalKeyEnv(),
  /** Seed the catalogue when it is empty; defaults to on outside production. */
  ENABLE_SEED: z.enum(["true", "false", "1", "0", "yes", "no", ""]).optional(),
  IMAGE_STORAGE: z.enum(["local", "s3"]).default("local"),
  IMAGE_DIR: z.string().min(1).default(".data/images"),
  IMAGE_MAX_BYTES: int(5 * 1024 * 1024),
  IMAGE_MAX_PIXELS: int(40_000_000),
  /** Longest side of a stored image; larger uploads are scaled down. */
  IMAGE_MAX_SIDE: int(2000),
  S3_BUCKET: z.string().default("shop-product-images"),
  S3_REGION: z.string().default("us-east-1"),
  S3_ENDPOINT: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().url().optional(),
  ),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: flag(false),
  /** Uploads never attached to a product are deleted after this long. */
  IMAGE_ORPHAN_TTL_SECONDS: int(24 * 3600),
  /** Images of soft-deleted products are kept this long (caches may still point at them). */
  IMAGE_DELETED_GRACE_SECONDS: int(3600),
  IMAGE_SWEEP_INTERVAL_SECONDS: int(600),
  RESERVATION_SWEEP_INTERVAL_SECONDS: int(5),
  RESERVATION_MAX_TTL_SECONDS: int(3600),
};

export type ProductConfig = Omit<z.infer<z.ZodObject<typeof shape>>, "ENABLE_SEED"> & {
  ENABLE_SEED: boolean;
};

/** Parses and checks the environment (default `process.env`); throws ConfigError naming bad variables. */
export function loadProductConfig(
  env: Record<string, string | undefined> = process.env,
): ProductConfig {
  const parsed = loadConfig(shape, env);
  requireProductionSecrets(parsed.NODE_ENV, {
    INTERNAL_KEY: { value: parsed.INTERNAL_KEY, devDefault: DEV_INTERNAL_KEY },
  });
  const seed = parsed.ENABLE_SEED;
  const enableSeed =
    seed === undefined || seed === ""
      ? parsed.NODE_ENV !== "production"
      : ["true", "1", "yes"].includes(seed);
  return { ...parsed, ENABLE_SEED: enableSeed };
}
