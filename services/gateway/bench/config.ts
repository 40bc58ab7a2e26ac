/** The benchmark's environment: where its Redis is (DB 15 by default, a random prefix per run). */
export const benchRedisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/15";
export const inheritedEnv = (): Record<string, string | undefined> => ({ ...process.env });
