/**
 * The product service's side of the platform identity hook: the token verifier (auth's JWKS, or a
 * local key in tests) with the in-process revocation list, and the internal key, provided as the
 * AccessCheck the platform's AccessGuard applies to each route's `@Access` rule.
 */
import {
  Inject,
  Injectable,
  type OnModuleDestroy,
  type OnModuleInit,
  Optional,
} from "@nestjs/common";
import type { AccessCheck, TokenVerifier } from "@shop/platform";
import { createAccessTokenVerification, type RevocationList } from "@shop/platform/redis";
import type { JWTVerifyGetKey } from "jose";
import type { ProductConfig } from "../config.js";
import { CONFIG, TOKEN_KEYS } from "../common/tokens.js";

@Injectable()
export class ProductAccessCheck implements AccessCheck, OnModuleInit, OnModuleDestroy {
  readonly verifier: TokenVerifier;
  readonly internalKey: string;
  private readonly revocations: RevocationList;

  constructor(
    @Inject(CONFIG) config: ProductConfig,
    @Optional() @Inject(TOKEN_KEYS) keys?: JWTVerifyGetKey,
  ) {
    this.internalKey = config.INTERNAL_KEY;
    ({ verifier: this.verifier, revocations: this.revocations } = createAccessTokenVerification({
      ...(keys ? { keys } : { authUrl: config.AUTH_URL }),
      redisUrl: config.REDIS_URL,
      prefix: config.REDIS_PREFIX,
    }));
  }

  async onModuleInit(): Promise<void> {
    await this.revocations.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.revocations.close();
  }
}
