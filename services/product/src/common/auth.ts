/**
 * Caller identity for the product service: verifies the Bearer token itself (JWKS from auth +
 * in-process revocation list) and checks roles per route; internal routes check X-Internal-Key.
 */
import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Inject,
  Injectable,
  type OnModuleDestroy,
  type OnModuleInit,
  Optional,
  SetMetadata,
} from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import {
  AppError,
  bearerToken,
  type Identity,
  INTERNAL_KEY_HEADER,
  requireInternalKey,
  requireRole,
  type Role,
  type TokenVerifier,
} from "@shop/platform";
import { createAccessTokenVerification, type RevocationList } from "@shop/platform/redis";
import type { Request } from "express";
import type { JWTVerifyGetKey } from "jose";
import type { ProductConfig } from "../config.js";
import { CONFIG, TOKEN_KEYS } from "./tokens.js";

type AuthedRequest = Request & { identity?: Identity };

@Injectable()
export class AuthService implements OnModuleInit, OnModuleDestroy {
  private readonly verifier: TokenVerifier;
  private readonly revocations: RevocationList;

  constructor(
    @Inject(CONFIG) private readonly config: ProductConfig,
    @Optional() @Inject(TOKEN_KEYS) keys?: JWTVerifyGetKey,
  ) {
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

  /** The verified caller, or undefined without a token. Bad tokens throw (401). */
  async identify(authorization: string | undefined): Promise<Identity | undefined> {
    if (!authorization) return undefined;
    const token = bearerToken(authorization);
    if (!token)
      throw new AppError("AUTH_TOKEN_INVALID", "The Authorization header must be 'Bearer <token>'");
    return this.verifier.verify(token);
  }

  checkInternalKey(header: string | string[] | undefined): void {
    requireInternalKey(header, this.config.INTERNAL_KEY);
  }
}

const ROLES = "product:roles";
const OPTIONAL = "product:optional-identity";
const INTERNAL = "product:internal";

/** Route needs a verified caller with one of `roles` (a guest token counts as not signed in). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
/** Route reads the caller when a valid token is present and ignores a missing or bad one. */
export const OptionalIdentity = () => SetMetadata(OPTIONAL, true);
/** Route is for platform services: `X-Internal-Key` required. */
export const InternalOnly = () => SetMetadata(INTERNAL, true);

/** The identity the guard verified (undefined on public routes without a token). */
export const CurrentIdentity = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Identity | undefined =>
    ctx.switchToHttp().getRequest<AuthedRequest>().identity,
);

@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    if (this.reflector.getAllAndOverride<boolean>(INTERNAL, targets)) {
      this.auth.checkInternalKey(req.headers[INTERNAL_KEY_HEADER]);
      return true;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles) {
      const identity = await this.auth.identify(req.headers.authorization);
      if (identity?.role === "guest" && !roles.includes("guest")) requireRole(undefined);
      req.identity = requireRole(identity, ...roles);
      return true;
    }
    if (this.reflector.getAllAndOverride<boolean>(OPTIONAL, targets)) {
      req.identity = await this.auth.identify(req.headers.authorization).catch(() => undefined);
    }
    return true;
  }
}
