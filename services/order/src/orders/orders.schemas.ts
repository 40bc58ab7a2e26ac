/** Zod schemas of the order routes (validation and OpenAPI). */
import { Order, OrderState, PageQuery, paginated } from "@shop/contracts";
import { z } from "zod";

export { Order };
export const OrderParams = z.object({ id: z.string().uuid("must be an order id") });
export const OrderList = paginated(Order);
export const OwnOrdersQuery = PageQuery;
export const AdminOrdersQuery = PageQuery.extend({ state: OrderState.optional() });
export const CancelBody = z.object({ reason: z.string().trim().max(300).optional() }).default({});
export const TransitionBody = z.object({
  to: OrderState,
  reason: z.string().trim().max(300).optional(),
});
