/** Checkout and orders (order service through the gateway): the customer's and the admin's calls. */
import {
  CheckoutPreview as CheckoutPreviewWire,
  CheckoutResult as CheckoutResultWire,
  nextStates,
  Order as OrderWire,
  OrderState,
  paginated,
  type OrderLine as OrderLineWire,
  type OrderTotals as OrderTotalsWire,
  type ShippingMethod,
} from "@shop/contracts";
import { request, type Transport } from "./http";
import type { Address } from "./members";
import { mapPage, parseWith, productKey, type Page } from "./wire";

export type { OrderState, ShippingMethod };

export const ORDER_STATES: readonly OrderState[] = OrderState.options;

export const STATE_LABELS: Record<OrderState, string> = {
  pending_payment: "결제 대기",
  paid: "결제 완료",
  preparing: "상품 준비중",
  shipped: "배송중",
  delivered: "배송 완료",
  cancelled: "주문 취소",
  refunded: "환불 완료",
};

/** States an admin may move an order to, usual step first (the order service's own table). */
export function adminTransitions(state: OrderState): OrderState[] {
  return nextStates(state, "admin");
}

export interface OrderLine {
  productId: string;
  name: string;
  slug: string | null;
  imageUrl: string | null;
  optionLabel: string | null;
  quantity: number;
  unitPrice: number;
  originalPrice: number;
  lineTotal: number;
}

export interface OrderTotals {
  itemsTotal: number;
  discountTotal: number;
  subtotal: number;
  shippingFee: number;
  grandTotal: number;
}

export interface Order {
  id: string;
  number: string;
  state: OrderState;
  email: string;
  lines: OrderLine[];
  totals: OrderTotals;
  shippingMethod: ShippingMethod;
  shippingAddress: (Address & { phone: string }) | null;
  payment: { status: string; brand: string | null; last4: string | null };
  cancellable: boolean;
  createdAt: string;
  transitions: { from: string | null; to: OrderState; at: string; actorType: string }[];
}

function lineView(wire: OrderLineWire): OrderLine {
  return {
    productId: wire.productId,
    name: wire.name,
    slug: productKey(wire.productId, wire.slug),
    imageUrl: wire.imageUrl,
    optionLabel: wire.optionLabel,
    quantity: wire.quantity,
    unitPrice: wire.unitPrice,
    originalPrice: wire.originalPrice,
    lineTotal: wire.lineTotal,
  };
}

function totalsView(wire: OrderTotalsWire): OrderTotals {
  const { itemsTotal, discountTotal, subtotal, shippingFee, grandTotal } = wire;
  return { itemsTotal, discountTotal, subtotal, shippingFee, grandTotal };
}

function orderView(wire: OrderWire): Order {
  const a = wire.shippingAddress;
  return {
    id: wire.id,
    number: wire.number,
    state: wire.state,
    email: wire.email,
    lines: wire.lines.map(lineView),
    totals: totalsView(wire.totals),
    shippingMethod: wire.shippingMethod,
    shippingAddress: { ...a, line2: a.line2 ?? "" },
    payment: { status: wire.payment.status, brand: wire.payment.brand, last4: wire.payment.last4 },
    cancellable: wire.cancellable,
    createdAt: wire.createdAt,
    transitions: (wire.transitions ?? []).map(({ from, to, at, actorType }) => ({
      from,
      to,
      at,
      actorType,
    })),
  };
}

export const toOrder = parseWith(OrderWire, orderView, "order");
const toOrderPage = parseWith(paginated(OrderWire), (page) => mapPage(page, orderView), "orders");

export interface CheckoutInput {
  email?: string;
  shippingAddress: {
    recipient: string;
    phone: string;
    postalCode: string;
    line1: string;
    line2?: string;
  };
  shippingMethod: ShippingMethod;
  payment: { method: "card"; cardNumber: string; expiry: string; cvc: string };
}

export interface CheckoutResult {
  order: Order;
  outcome: "paid" | "pending";
}

/** Places the order. `idempotencyKey` stays the same across retries of one submit. */
export function checkout(
  t: Transport,
  input: CheckoutInput,
  idempotencyKey: string,
): Promise<CheckoutResult> {
  return request(
    t,
    "/api/checkout",
    { method: "POST", json: input, headers: { "idempotency-key": idempotencyKey } },
    parseWith(
      CheckoutResultWire,
      (result): CheckoutResult => ({
        order: orderView(result.order),
        outcome: result.payment.outcome,
      }),
      "checkout result",
    ),
  );
}

export interface ShippingOption {
  method: ShippingMethod;
  fee: number;
}

export interface CheckoutProblem {
  productId: string;
  name: string | null;
  requested: number;
  available: number;
  reason: "not_found" | "unavailable" | "insufficient_stock";
}

export interface CheckoutPreview {
  lines: OrderLine[];
  /** Totals for `shippingMethod`, computed by the order service. */
  totals: OrderTotals;
  shippingMethod: ShippingMethod;
  /** Each method with its fee for this cart (so totals for the other method are subtotal + fee). */
  shippingOptions: ShippingOption[];
  /** The member's saved contact, to prefill the form (null for guests). */
  email: string | null;
  address: {
    recipient: string;
    phone: string;
    postalCode: string;
    line1: string;
    line2: string;
  } | null;
  problems: CheckoutProblem[];
  canCheckout: boolean;
}

function previewView(wire: CheckoutPreviewWire): CheckoutPreview {
  const a = wire.shippingAddress;
  return {
    lines: wire.lines.map(lineView),
    totals: totalsView(wire.totals),
    shippingMethod: wire.shippingMethod,
    shippingOptions: wire.shippingOptions.map(({ method, fee }) => ({ method, fee })),
    email: wire.email,
    address: a
      ? {
          recipient: a.recipient ?? "",
          phone: a.phone ?? "",
          postalCode: a.postalCode ?? "",
          line1: a.line1 ?? "",
          line2: a.line2 ?? "",
        }
      : null,
    problems: wire.problems.map(({ productId, name, requested, available, reason }) => ({
      productId,
      name,
      requested,
      available,
      reason,
    })),
    canCheckout: wire.canCheckout,
  };
}

export const toCheckoutPreview = parseWith(CheckoutPreviewWire, previewView, "checkout preview");

/** Totals of a preview for another shipping method (the fee differs, nothing else does). */
export function totalsWith(preview: CheckoutPreview, method: ShippingMethod): OrderTotals {
  const option = preview.shippingOptions.find((o) => o.method === method);
  if (!option || method === preview.shippingMethod) return preview.totals;
  return {
    ...preview.totals,
    shippingFee: option.fee,
    grandTotal: preview.totals.subtotal + option.fee,
  };
}

export function getCheckoutPreview(
  t: Transport,
  shippingMethod: ShippingMethod = "standard",
): Promise<CheckoutPreview> {
  return request(t, "/api/checkout/preview", { query: { shippingMethod } }, toCheckoutPreview);
}

export function listOrders(t: Transport, page = 1): Promise<Page<Order>> {
  return request(t, "/api/orders", { query: { page, limit: 20 } }, toOrderPage);
}

export function getOrder(t: Transport, id: string): Promise<Order> {
  return request(t, `/api/orders/${encodeURIComponent(id)}`, {}, toOrder);
}

export function cancelOrder(t: Transport, id: string): Promise<Order> {
  return request(
    t,
    `/api/orders/${encodeURIComponent(id)}/cancel`,
    { method: "POST", json: {} },
    toOrder,
  );
}

export function listAdminOrders(
  t: Transport,
  state: OrderState | null,
  page = 1,
): Promise<Page<Order>> {
  return request(t, "/api/admin/orders", { query: { state, page, limit: 20 } }, toOrderPage);
}

export function transitionOrder(t: Transport, id: string, to: OrderState): Promise<Order> {
  return request(
    t,
    `/api/admin/orders/${encodeURIComponent(id)}/transitions`,
    { method: "POST", json: { to } },
    toOrder,
  );
}
