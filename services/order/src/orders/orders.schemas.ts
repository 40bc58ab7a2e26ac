/** Zod schemas of the order routes (validation and OpenAPI). */
import { Order, OrderState, PageQuery, paginated } from "@shop/contracts";
import { z } from "zod";

export { Order };
export const OrderParams = z.object({ id: z.string().uuid("must be an order id") });
export const OrderList = paginated(Order);
export const OwnOrdersQuery = PageQuery;
export const AdminOrdersQuery = PageQuery.extend({ state: OrderState.optional() });
// Fastify hands a bodiless POST over as null, not undefined: both mean "no reason given".
export const CancelBody = z.preprocess(
  (body) => body ?? {},
  z.object({ reason: z.string().trim().max(300).optional() }),
);
export const TransitionBody = z.object({
  to: OrderState,
  reason: z.string().trim().max(300).optional(),
});
