/** What the checkout steps share: the services they call and what earlier steps found out. */
import type {
  OrderLine,
  OrderTotals,
  Payment,
  ShippingAddress,
  ShippingMethod,
} from "@shop/contracts";
import { AppError, asAppError, type Identity, type Logger } from "@shop/platform";
import type { CartClient } from "../clients/cart.client.js";
import type { MemberClient } from "../clients/member.client.js";
import type { PaymentClient } from "../clients/payment.client.js";
import type { ProductClient } from "../clients/product.client.js";
import type { Db } from "../db.js";
import type { OrderRecord, StoredProblem } from "../orders/orders.store.js";
import type { OrdersService } from "../orders/orders.service.js";
import type { SagaContext } from "./saga.js";

export interface CheckoutDeps {
  db: Db;
  product: ProductClient;
  cart: CartClient;
  member: MemberClient;
  payment: PaymentClient;
  orders: OrdersService;
  reservationTtlSeconds: number;
  logger: Logger;
  onEvents: () => void;
}

export interface CheckoutInput {
  email?: string | undefined;
  shippingAddress?: ShippingAddress | undefined;
  shippingMethod: ShippingMethod;
  payment: { method: "card"; cardNumber: string; expiry: string; cvc: string };
}

export interface CheckoutContext extends SagaContext {
  deps: CheckoutDeps;
  /** Fixed before the first step: it is also the stock reservation id. */
  orderId: string;
  identity?: Identity;
  input?: CheckoutInput;
  idempotencyKey?: string;
  requestHash?: string;
  cartLines?: Array<{ productId: string; optionId: string | null; quantity: number }>;
  lines?: OrderLine[];
  totals?: OrderTotals;
  email?: string;
  address?: ShippingAddress;
  reservationExpiresAt?: Date;
  order?: OrderRecord;
  payment?: Payment;
}

/** Reads a value an earlier step must have set (a programming error otherwise). */
export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`checkout: ${what} missing (step order)`);
  return value;
}

/** The error a failed checkout answers with, carrying the order id when an order exists. */
export function checkoutError(error: unknown, orderId: string | undefined): AppError {
  const e = asAppError(error);
  if (!orderId || e.extra.orderId) return e;
  return new AppError(e.code, e.message, {
    extra: { ...e.extra, orderId },
    headers: e.headers,
    ...(e.errors ? { errors: e.errors } : {}),
  });
}

export function problemOf(error: AppError): StoredProblem {
  return {
    code: error.code,
    detail: error.message,
    extra: error.extra,
    ...(error.errors ? { errors: error.errors } : {}),
  };
}
