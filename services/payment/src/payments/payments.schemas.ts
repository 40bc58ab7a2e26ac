/** Zod schemas of the payment service's internal API (validation and OpenAPI). */
import { AuthorizeRequest, Payment, PaymentList, PaymentOperationRequest } from "@shop/contracts";
import { z } from "zod";

export { AuthorizeRequest, Payment, PaymentList, PaymentOperationRequest };

export const PaymentParams = z.object({ id: z.string().uuid() });
export const PaymentListQuery = z.object({ orderId: z.string().min(1).max(100) });
export const InternalHeaders = z.object({ "x-internal-key": z.string().optional() });
