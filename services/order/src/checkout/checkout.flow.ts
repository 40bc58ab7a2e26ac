/** The checkout, read as a checklist. Each step's undo runs in reverse when a later step fails. */
import type { CheckoutContext } from "./checkout.context.js";
import type { AnyStep } from "./saga.js";
import { adoptOrder } from "./steps/adopt-order.step.js";
import { authorizePayment } from "./steps/authorize-payment.step.js";
import { capturePayment } from "./steps/capture-payment.step.js";
import { clearCart } from "./steps/clear-cart.step.js";
import { commitStock } from "./steps/commit-stock.step.js";
import { createOrder } from "./steps/create-order.step.js";
import { loadCart } from "./steps/load-cart.step.js";
import { markPaid } from "./steps/mark-paid.step.js";
import { priceLinesStep } from "./steps/price-lines.step.js";
import { reserveStock } from "./steps/reserve-stock.step.js";
import { resolveContact } from "./steps/resolve-contact.step.js";

export const checkoutFlow: ReadonlyArray<AnyStep<CheckoutContext>> = [
  loadCart, //          cart lines and quantities
  priceLinesStep, //    server prices, discounts, shipping, totals
  resolveContact, //    email and address (profile prefill)
  reserveStock, //      undo: release the reservation
  createOrder, //       undo: cancel the order (pending payment → cancelled)
  authorizePayment, //  undo: void the authorisation; a pending answer halts here
  commitStock, //       undo: release (restock) the committed reservation
  capturePayment, //    undo: refund
  markPaid, //          order paid + order.paid in one transaction
  clearCart, //         best effort
];

/** Finishing a checkout whose payment the provider settled later (payment.authorized/captured webhook). */
export const settlementFlow: ReadonlyArray<AnyStep<CheckoutContext>> = [
  adoptOrder,
  commitStock,
  capturePayment,
  markPaid,
  clearCart,
];
