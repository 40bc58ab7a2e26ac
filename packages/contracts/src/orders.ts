/**
 * Orders and checkout as the order service answers them (storefront, BFF and e2e read these),
 * plus the order events its outbox publishes on the `${REDIS_PREFIX}order.events` stream.
 */
import { z } from "zod";
import { Won } from "./common.ts";

export const OrderState = z.enum([
  "pending_payment",
  "paid",
  "preparing",
  "shipped",
  "delivered",
  "cancelled",
  "refunded",
]);
export type OrderState = z.infer<typeof OrderState>;

export const ShippingMethod = z.enum(["standard", "express"]);
export type ShippingMethod = z.infer<typeof ShippingMethod>;

export const ShippingAddress = z.object({
  recipient: z.string().trim().min(1).max(100),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{6,18}[0-9]$/, "must be a phone number (digits, spaces or dashes)"),
  postalCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z -]{3,10}$/, "must be a postal code"),
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).optional(),
});
export type ShippingAddress = z.infer<typeof ShippingAddress>;

export const OrderLine = z.object({
  productId: z.string(),
  optionId: z.string().nullable(),
  name: z.string(),
  slug: z.string().nullable(),
  brand: z.string().nullable(),
  imageUrl: z.string().nullable(),
  optionLabel: z.string().nullable(),
  quantity: z.number().int().positive(),
  /** Price paid per unit (after discount). */
  unitPrice: Won,
  /** List price per unit; `originalPrice − unitPrice` is the discount. */
  originalPrice: Won,
  lineTotal: Won,
});
export type OrderLine = z.infer<typeof OrderLine>;

export const OrderTotals = z.object({
  /** Sum of list prices × quantities. */
  itemsTotal: Won,
  /** Sum of (list price − price) × quantities. */
  discountTotal: Won,
  /** itemsTotal − discountTotal. */
  subtotal: Won,
  shippingFee: Won,
  grandTotal: Won,
  currency: z.literal("KRW"),
});
export type OrderTotals = z.infer<typeof OrderTotals>;

export const PaymentStatus = z.enum([
  "none",
  "pending",
  "authorized",
  "captured",
  "failed",
  "voided",
  "refunded",
]);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const OrderPayment = z.object({
  id: z.string().nullable(),
  method: z.literal("card"),
  status: PaymentStatus,
  brand: z.string().nullable(),
  last4: z.string().nullable(),
});

export const ActorType = z.enum(["guest", "customer", "admin", "system", "payment"]);
export type ActorType = z.infer<typeof ActorType>;

export const OrderTransition = z.object({
  from: OrderState.nullable(),
  to: OrderState,
  actorType: ActorType,
  actorId: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});

export const Order = z.object({
  id: z.string(),
  number: z.string(),
  state: OrderState,
  email: z.string(),
  lines: z.array(OrderLine),
  totals: OrderTotals,
  shippingMethod: ShippingMethod,
  shippingAddress: ShippingAddress,
  payment: OrderPayment,
  /** True while the owner may still cancel (before shipping). */
  cancellable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  transitions: z.array(OrderTransition).optional(),
});
export type Order = z.infer<typeof Order>;

/** 201 answer of `POST /api/checkout`. */
export const CheckoutResult = z.object({
  order: Order,
  payment: z.object({
    id: z.string().nullable(),
    status: PaymentStatus,
    /** `paid` once captured; `pending` when the provider settles later by webhook. */
    outcome: z.enum(["paid", "pending"]),
  }),
});
export type CheckoutResult = z.infer<typeof CheckoutResult>;

/** Answer of `GET /api/checkout/preview`: the cart priced as checkout would charge it. */
export const CheckoutPreview = z.object({
  lines: z.array(OrderLine),
  totals: OrderTotals,
  shippingMethod: ShippingMethod,
  shippingOptions: z.array(
    z.object({ method: ShippingMethod, label: z.string(), fee: z.number().int() }),
  ),
  email: z.string().nullable(),
  shippingAddress: ShippingAddress.partial().nullable(),
  /** Lines that cannot be bought as they stand (sold out, not enough, gone). */
  problems: z.array(
    z.object({
      productId: z.string(),
      optionId: z.string().nullable(),
      name: z.string().nullable(),
      requested: z.number().int(),
      available: z.number().int(),
      reason: z.enum(["not_found", "unavailable", "insufficient_stock"]),
    }),
  ),
  canCheckout: z.boolean(),
});
export type CheckoutPreview = z.infer<typeof CheckoutPreview>;

/** Event types on the order stream, named for what happened. */
export const OrderEventType = z.enum([
  "order.placed",
  "order.paid",
  "order.preparing",
  "order.shipped",
  "order.delivered",
  "order.cancelled",
  "order.refunded",
]);
export type OrderEventType = z.infer<typeof OrderEventType>;

/** Stream name (prefixed with the stack's `REDIS_PREFIX`); entries carry one field `event` = JSON. */
export const ORDER_EVENTS_STREAM = "order.events";

export const OrderEvent = z.object({
  eventId: z.string(),
  type: OrderEventType,
  orderId: z.string(),
  orderNumber: z.string(),
  ownerId: z.string(),
  state: OrderState,
  grandTotal: Won,
  /** ISO 8601 UTC. */
  at: z.string(),
  reason: z.string().nullable().optional(),
});
export type OrderEvent = z.infer<typeof OrderEvent>;
