/** The upstream registry: one keep-alive undici Pool and one circuit breaker per upstream. */
import { reportCircuits } from "@shop/platform";
import { Pool } from "undici";
import type { GatewayFile } from "../gateway-file/schema.js";
import { CircuitBreaker } from "./circuit-breaker.js";

export interface Upstream {
  name: string;
  /** Origin, e.g. `http://127.0.0.1:3001`. */
  origin: string;
  /** Path prefix from the configured URL (usually empty). */
  basePath: string;
  pool: Pool;
  timeoutMs: number;
  breaker: CircuitBreaker;
}

export class UnknownUpstreamUrlError extends Error {}

/** Resolves `<NAME>_URL` from the environment (dashes become underscores), then the file's default. */
export function upstreamUrl(
  name: string,
  fileUrl: string | undefined,
  env: Record<string, string | undefined>,
): string {
  const variable = `${name.toUpperCase().replaceAll("-", "_")}_URL`;
  const value = env[variable] || fileUrl;
  if (!value) throw new UnknownUpstreamUrlError(`upstream "${name}" has no URL: set ${variable}`);
  try {
    return new URL(value).toString();
  } catch {
    throw new UnknownUpstreamUrlError(`${variable}: "${value}" is not a URL`);
  }
}

export function createUpstreams(
  file: GatewayFile,
  env: Record<string, string | undefined>,
): Map<string, Upstream> {
  const upstreams = new Map<string, Upstream>();
  for (const [name, config] of Object.entries(file.upstreams)) {
    const url = new URL(upstreamUrl(name, config.url, env));
    upstreams.set(name, {
      name,
      origin: url.origin,
      basePath: url.pathname.replace(/\/+$/, ""),
      pool: new Pool(url.origin, {
        connections: config.connections,
        pipelining: 1,
        keepAliveTimeout: config.keepAlive,
        keepAliveMaxTimeout: Math.max(config.keepAlive, 60_000),
        connect: { timeout: Math.min(config.timeout, 3_000) },
      }),
      timeoutMs: config.timeout,
      breaker: new CircuitBreaker(name, {
        failures: config.breaker.failures,
        openForMs: config.breaker.openFor,
      }),
    });
  }
  reportCircuits(() =>
    [...upstreams.values()].map((u): [string, typeof u.breaker.current] => [
      u.name,
      u.breaker.current,
    ]),
  );
  return upstreams;
}

export async function closeUpstreams(upstreams: Map<string, Upstream>): Promise<void> {
  await Promise.all(
    [...upstreams.values()].map((u) => u.pool.close().catch(() => u.pool.destroy())),
  );
}
