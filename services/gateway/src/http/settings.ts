/** Request-handling settings: the environment's overrides applied to the route file's. */
import { list, type GatewayEnv } from "../config.js";
import type { GatewayFile } from "../gateway-file/schema.js";
import { TrustedProxies } from "./caller-address.js";
import type { GatewaySettings } from "./context.js";

export function settingsFrom(env: GatewayEnv, file: GatewayFile): GatewaySettings {
  return {
    internalKey: env.INTERNAL_KEY,
    trustedProxies: new TrustedProxies(list(env.TRUSTED_PROXIES) ?? file.trustedProxies),
    cors: { ...file.cors, origins: list(env.CORS_ORIGINS) ?? file.cors.origins },
    accessLog: env.ENABLE_ACCESS_LOG,
    rateLimitEnabled: env.ENABLE_RATE_LIMIT,
  };
}
