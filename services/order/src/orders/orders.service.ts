/** Order rules: reading own orders, cancelling, admin transitions, with money and stock side effects. */
import type { ActorType, Order, OrderState, PaymentStatus } from "@shop/contracts";
import { canTransition, toPage } from "@shop/contracts";
import { AppError, countCheckout, type Identity, type Logger } from "@shop/platform";
import type { PaymentClient } from "../clients/payment.client.js";
import type { ProductClient } from "../clients/product.client.js";
import { tx, type Db, type Queryable } from "../db.js";
import { writeOrderEvent } from "../outbox/outbox.store.js";
import { releasesStock } from "./order-states.js";
import * as store from "./orders.store.js";
import * as transitions from "./order-transitions.store.js";
import type { OrderPatch, OrderRecord } from "./orders.store.js";

export interface Actor {
  type: ActorType;
  id: string | null;
}

export const actorOf = (identity: Identity): Actor => ({ type: identity.role, id: identity.sub });
export const SYSTEM: Actor = { type: "system", id: null };

export interface OrdersDeps {
  db: Db;
  payment: PaymentClient;
  product: ProductClient;
  logger: Logger;
  /** Called after a commit that wrote outbox rows (wakes the relay). */
  onEvents: () => void;
}

export class OrdersService {
  constructor(private readonly deps: OrdersDeps) {}

  /** Moves a locked order to `to`, recording the transition and its event (inside the caller's transaction). */
  async applyTransition(
    client: Queryable,
    order: OrderRecord,
    to: OrderState,
    actor: Actor,
    reason: string | null,
    patch: OrderPatch = {},
  ) {
    assertTransition(order, to, actor);
    const updated = await store.patchOrder(client, order.id, { ...patch, state: to });
    await transitions.record(client, order.id, order.state, to, actor.type, actor.id, reason);
    await writeOrderEvent(
      client,
      {
        id: order.id,
        number: order.number,
        ownerId: order.ownerId,
        grandTotal: order.totals.grandTotal,
      },
      to,
      reason,
    );
    if (to === "paid") countCheckout("paid", order.totals.grandTotal);
    return updated;
  }

  /**
   * A transition with its side effects: cancelling returns the money (void or refund) and the
   * stock; refunding returns the money (and the stock if nothing was shipped). The row stays
   * locked meanwhile, so a webhook or an admin cannot move the order underneath.
   */
  async transition(
    orderId: string,
    to: OrderState,
    actor: Actor,
    reason: string | null,
    visibleTo?: Identity,
  ): Promise<OrderRecord> {
    const updated = await tx(this.deps.db, async (client) => {
      const order = await store.findOrder(client, orderId, "update");
      if (!order || (visibleTo && !this.canSee(visibleTo, order))) throw notFound(orderId);
      assertTransition(order, to, actor);
      if (order.checkoutStatus === "running" && actor.type !== "system") {
        throw new AppError(
          "ORDER_TRANSITION_INVALID",
          "The checkout of this order is still running; try again in a moment",
          { extra: { orderId } },
        );
      }
      const patch: OrderPatch = {};
      if (to === "cancelled" || to === "refunded")
        patch.paymentStatus = await this.returnMoney(order);
      if (releasesStock(order.state, to)) await this.deps.product.release(order.reservationId);
      return this.applyTransition(client, order, to, actor, reason, patch);
    });
    this.deps.onEvents();
    this.deps.logger.info({ orderId, to, actor: actor.type }, "order transitioned");
    return updated;
  }

  /** Voids authorisations and refunds captures of the order; answers the order's new payment status. */
  async returnMoney(order: OrderRecord): Promise<PaymentStatus> {
    let status = order.paymentStatus;
    try {
      for (const p of await this.deps.payment.forOrder(order.id)) {
        if (p.status === "captured")
          status =
            (await this.deps.payment.refund(p.id, `refund:${p.id}`)).status === "refunded"
              ? "refunded"
              : status;
        else if (p.status === "authorized" || p.status === "pending")
          status =
            (await this.deps.payment.void(p.id, `void:${p.id}`)).status === "voided"
              ? "voided"
              : status;
        else if (p.status === "refunded") status = "refunded";
      }
    } catch (error) {
      if (error instanceof AppError && error.status < 500 && error.code !== "PAYMENT_STATE_INVALID")
        throw error;
      throw new AppError(
        "PAYMENT_UNAVAILABLE",
        "The payment service could not return the money right now; nothing was changed. Try again shortly.",
        { cause: error, extra: { orderId: order.id } },
      );
    }
    return status;
  }

  canSee(identity: Identity, order: OrderRecord): boolean {
    return identity.role === "admin" || order.ownerId === identity.sub;
  }

  async get(identity: Identity, id: string): Promise<Order> {
    const order = await store.findOrder(this.deps.db, id);
    if (!order || !this.canSee(identity, order)) throw notFound(id);
    return this.view(order, true);
  }

  async list(
    filter: { ownerId?: string; state?: OrderState },
    page: { page: number; limit: number },
  ) {
    const { items, total } = await store.listOrders(this.deps.db, filter, page);
    const lines = await store.linesOf(
      this.deps.db,
      items.map((o) => o.id),
    );
    return toPage(
      items.map((o) => store.toOrder(o, lines.get(o.id) ?? [])),
      total,
      page,
    );
  }

  async view(order: OrderRecord, withTransitions = false): Promise<Order> {
    const lines = (await store.linesOf(this.deps.db, [order.id])).get(order.id) ?? [];
    return store.toOrder(
      order,
      lines,
      withTransitions ? await transitions.of(this.deps.db, order.id) : undefined,
    );
  }
}

function assertTransition(order: OrderRecord, to: OrderState, actor: Actor): void {
  if (canTransition(order.state, to, actor.type)) return;
  throw new AppError(
    "ORDER_TRANSITION_INVALID",
    `An order that is ${order.state.replace("_", " ")} cannot become ${to.replace("_", " ")}`,
    {
      extra: { orderId: order.id, state: order.state, to },
    },
  );
}

export function notFound(id: string): AppError {
  return new AppError("ORDER_NOT_FOUND", `No order ${id}`);
}
