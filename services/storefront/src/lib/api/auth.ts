/**
 * Who a session belongs to, as the storefront reads it from the access cookie. Signing in, out and
 * refreshing are the edge proxy's (`/_edge/session/*`); the storefront never sees a token answer.
 */
import type { AuthUser, IdentityRole } from "@shop/contracts";
import type { z } from "zod";

export type Role = z.infer<typeof IdentityRole>;
export type { AuthUser };
