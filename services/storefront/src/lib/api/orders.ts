/** Checkout and orders (order service through the gateway): the customer's and the admin's calls. */
import { nextStates, OrderState, type ShippingMethod } from "@shop/contracts";
import { request, type Transport } from "./http";
import { arr, bool, num, obj, optStr, type Page, productKey, str, toPage } from "./wire";
import { toAddress, type Address } from "./members";

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

export function toOrderState(value: unknown): OrderState {
  return ORDER_STATES.includes(value as OrderState) ? (value as OrderState) : "pending_payment";
}

export function toTotals(value: unknown): OrderTotals {
  const w = obj(value ?? {}, "totals");
  const subtotal = num(w.subtotal);
  return {
    itemsTotal: num(w.itemsTotal, subtotal),
    discountTotal: num(w.discountTotal),
    subtotal,
    shippingFee: num(w.shippingFee),
    grandTotal: num(w.grandTotal, subtotal + num(w.shippingFee)),
  };
}

function toOrderLine(value: unknown): OrderLine {
  const w = obj(value, "order line");
  const unitPrice = num(w.unitPrice);
  const quantity = num(w.quantity, 1);
  return {
    productId: str(w.productId, "line.productId"),
    name: optStr(w.name) ?? "상품",
    slug: productKey(str(w.productId, "line.productId"), optStr(w.slug)),
    imageUrl: optStr(w.imageUrl),
    optionLabel: optStr(w.optionLabel),
    quantity,
    unitPrice,
    originalPrice: num(w.originalPrice, unitPrice),
    lineTotal: num(w.lineTotal, unitPrice * quantity),
  };
}

export function toOrder(value: unknown): Order {
  const w = obj(value, "order");
  const address = toAddress(w.shippingAddress);
  const payment = obj(w.payment ?? {}, "payment");
  const shippingAddress = address
    ? { ...address, phone: optStr((w.shippingAddress as Record<string, unknown>).phone) ?? "" }
    : null;
  return {
    id: str(w.id, "order.id"),
    number: optStr(w.number) ?? str(w.id, "order.id"),
    state: toOrderState(w.state),
    email: optStr(w.email) ?? "",
    lines: arr(w.lines).map(toOrderLine),
    totals: toTotals(w.totals),
    shippingMethod: w.shippingMethod === "express" ? "express" : "standard",
    shippingAddress,
    payment: {
      status: optStr(payment.status) ?? "none",
      brand: optStr(payment.brand),
      last4: optStr(payment.last4),
    },
    cancellable: bool(w.cancellable),
    createdAt: optStr(w.createdAt) ?? "",
    transitions: arr(w.transitions).map((t) => {
      const x = obj(t, "transition");
      return {
        from: optStr(x.from),
        to: toOrderState(x.to),
        at: optStr(x.at) ?? "",
        actorType: optStr(x.actorType) ?? "",
      };
    }),
  };
}

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
    (wire) => {
      const w = obj(wire, "checkout result");
      const order = toOrder(w.order ?? w);
      const payment =
        w.payment && typeof w.payment === "object" ? (w.payment as Record<string, unknown>) : {};
      return {
        order,
        outcome:
          payment.outcome === "pending" ? "pending" : order.state === "paid" ? "paid" : "pending",
      };
    },
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

export function toCheckoutPreview(value: unknown): CheckoutPreview {
  const w = obj(value, "checkout preview");
  const shippingOptions = arr(w.shippingOptions).map((o): ShippingOption => {
    const x = obj(o, "shipping option");
    return { method: x.method === "express" ? "express" : "standard", fee: num(x.fee) };
  });
  const a =
    w.shippingAddress && typeof w.shippingAddress === "object"
      ? (w.shippingAddress as Record<string, unknown>)
      : null;
  const lines = arr(w.lines).map(toOrderLine);
  return {
    lines,
    totals: toTotals(w.totals),
    shippingMethod: w.shippingMethod === "express" ? "express" : "standard",
    shippingOptions,
    email: optStr(w.email),
    address: a
      ? {
          recipient: optStr(a.recipient) ?? "",
          phone: optStr(a.phone) ?? "",
          postalCode: optStr(a.postalCode) ?? "",
          line1: optStr(a.line1) ?? "",
          line2: optStr(a.line2) ?? "",
        }
      : null,
    problems: arr(w.problems).map((p) => {
      const x = obj(p, "problem");
      const reason =
        x.reason === "not_found" || x.reason === "unavailable" ? x.reason : "insufficient_stock";
      return {
        productId: optStr(x.productId) ?? "",
        name: optStr(x.name),
        requested: num(x.requested),
        available: num(x.available),
        reason,
      };
    }),
    canCheckout: w.canCheckout === undefined ? lines.length > 0 : bool(w.canCheckout),
  };
}

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
  return request(t, "/api/orders", { query: { page, limit: 20 } }, (wire) => toPage(wire, toOrder));
}

export function getOrder(t: Transport, id: string): Promise<Order> {
  return request(t, `/api/orders/${encodeURIComponent(id)}`, {}, (wire) =>
    toOrder(obj(wire, "order").order ?? wire),
  );
}

export function cancelOrder(t: Transport, id: string): Promise<Order> {
  return request(
    t,
    `/api/orders/${encodeURIComponent(id)}/cancel`,
    { method: "POST", json: {} },
    (wire) => toOrder(obj(wire, "order").order ?? wire),
  );
}

export function listAdminOrders(
  t: Transport,
  state: OrderState | null,
  page = 1,
): Promise<Page<Order>> {
  return request(t, "/api/admin/orders", { query: { state, page, limit: 20 } }, (wire) =>
    toPage(wire, toOrder),
  );
}

export function transitionOrder(t: Transport, id: string, to: OrderState): Promise<Order> {
  return request(
    t,
    `/api/admin/orders/${encodeURIComponent(id)}/transitions`,
    { method: "POST", json: { to } },
    (wire) => toOrder(obj(wire, "order").order ?? wire),
  );
}
