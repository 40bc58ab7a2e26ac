/** Builds the cart service (without listening) so tests can exercise it in process. */
import {
  createHealth,
  createLogger,
  createTokenVerifier,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  type Health,
  type Logger,
} from "@shop/platform";
import { accessHook, createFastifyApp, type App } from "@shop/platform/fastify";
import { createRedis, createRevocationList } from "@shop/platform/redis";
import { cartRoutes } from "./carts/cart.routes.js";
import { internalCartRoutes } from "./carts/internal.routes.js";
import { createCartService } from "./carts/cart.service.js";
import { createCartStore } from "./carts/cart.store.js";
import type { Config } from "./config.js";
import { createGuestTokenCheck } from "./identity/guest-token.js";
import { createProductLookup } from "./clients/product.client.js";

export async function buildApp(
  config: Config,
  options: { logger?: Logger } = {},
): Promise<{ app: App; health: Health }> {
  const logger = options.logger ?? createLogger("cart", config.LOG_LEVEL);
  const redis = createRedis(config.REDIS_URL, { name: "cart" });
  const revocations = createRevocationList(config.REDIS_URL, {
    prefix: config.REDIS_PREFIX,
    logger,
  });
  const products = createProductLookup({
    baseUrl: config.PRODUCT_URL,
    internalKey: config.INTERNAL_KEY,
    timeoutMs: config.PRODUCT_TIMEOUT_MS,
  });
  const health = createHealth("cart", {
    redis: () => redis.ping(),
    product: () => products.ping(),
  });

  const app = await createFastifyApp({
    name: "cart",
    logger,
    health,
    openapi: {
      title: "Shop cart service",
      description:
        "Carts in Redis for guests and members: add, change, remove, clear, merge at login, re-priced on every read.",
    },
    bodyLimit: 64 * 1024,
  });
  acceptEmptyJsonOnDelete(app);
  await revocations.start();
  app.addHook("onClose", async () => {
    await revocations.close();
    await products.close();
    redis.disconnect();
  });

  const carts = createCartService(createCartStore(redis, config.REDIS_PREFIX), products, {
    maxLines: config.MAX_CART_LINES,
    maxQuantity: config.MAX_LINE_QUANTITY,
    guestTtlSeconds: config.GUEST_CART_TTL_SECONDS,
    memberTtlSeconds: config.MEMBER_CART_TTL_SECONDS,
    mergeMarkerTtlSeconds: config.MERGE_GUEST_TOKEN_GRACE_SECONDS + 3600,
  });
  const jwksUrl = `${config.AUTH_URL}/.well-known/jwks.json`;
  const verifier = createTokenVerifier({
    jwksUrl,
    issuer: DEFAULT_ISSUER,
    audience: DEFAULT_AUDIENCE,
    revocations,
  });
  const access = accessHook({ verifier, internalKey: config.INTERNAL_KEY });
  const guests = createGuestTokenCheck({
    jwksUrl,
    guestGraceSeconds: config.MERGE_GUEST_TOKEN_GRACE_SECONDS,
  });
  cartRoutes(app, { carts, access, guests });
  internalCartRoutes(app, { carts, access });
  return { app, health };
}

/** Some clients send `Content-Type: application/json` on a DELETE without a body; that is not an error. */
function acceptEmptyJsonOnDelete(app: App): void {
  const json = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    if (request.method === "DELETE" && body === "") return done(null, undefined);
    return json(request, body.toString(), done);
  });
}
