/**
 * The real member service for other services' integration tests (auth's, above all), run as a
 * child process ({@link startServiceProcess}) on a database and Redis prefix the caller gives, so
 * it can share them with the service under test.
 */
import { startServiceProcess, type ServiceProcess } from "./service-process.js";
import { freePort } from "./wait.js";

export interface MemberServiceOptions {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** Auth's base URL (the member service asks auth to end sessions). */
  authUrl: string;
  internalKey: string;
  /** The admin account created at start. */
  admin: { email: string; password: string };
  /** How long to wait for `/health/ready` (default 90 s: migrations on a busy machine). */
  readyTimeoutMs?: number;
}

export interface MemberService extends ServiceProcess {
  url: string;
}

/** Starts the member service and waits until `GET /health/ready` answers 200. */
export async function startMemberService(options: MemberServiceOptions): Promise<MemberService> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = await startServiceProcess({
    name: "member",
    loader: "tsx",
    url,
    readyTimeoutMs: options.readyTimeoutMs ?? 90_000,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      REDIS_PREFIX: options.redisPrefix,
      AUTH_URL: options.authUrl,
      INTERNAL_KEY: options.internalKey,
      ADMIN_EMAIL: options.admin.email,
      ADMIN_PASSWORD: options.admin.password,
    },
  });
  return { url, ...service };
}
