/**
 * Member shapes that cross service boundaries: the public member (never the password hash), the
 * short summary the BFF uses to name review authors, and the credential check auth relies on.
 */
import { z } from "zod";
import { IsoDate, Uuid } from "./common.ts";

export const MemberRole = z.enum(["customer", "admin"]);
export type MemberRole = z.infer<typeof MemberRole>;

export const MemberStatus = z.enum(["active", "disabled"]);
export type MemberStatus = z.infer<typeof MemberStatus>;

/** A member's default shipping address (Korean addresses: 5-digit postal code, two lines). */
export const MemberShippingAddress = z.object({
  recipient: z.string(),
  postalCode: z.string(),
  line1: z.string(),
  line2: z.string().nullable(),
});
export type MemberShippingAddress = z.infer<typeof MemberShippingAddress>;

/** A member as the member service answers it (`GET /api/members/:id`, `GET /internal/members/:id`). */
export const Member = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  shippingAddress: MemberShippingAddress.nullable(),
  role: MemberRole,
  status: MemberStatus,
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type Member = z.infer<typeof Member>;

/** `POST /internal/members/lookup` answer: display names by id (unknown ids are left out). */
export const MemberLookupResult = z.object({
  items: z.array(z.object({ id: Uuid, name: z.string() })),
});
export type MemberLookupResult = z.infer<typeof MemberLookupResult>;

/** `POST /internal/credentials/verify` answer when email and password match. */
export const VerifiedCredentials = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  role: MemberRole,
  status: MemberStatus,
});
export type VerifiedCredentials = z.infer<typeof VerifiedCredentials>;

/** One wishlist entry of `GET /api/members/me/wishlist`. */
export const WishlistEntry = z.object({ productId: z.string(), addedAt: IsoDate });
export type WishlistEntry = z.infer<typeof WishlistEntry>;
