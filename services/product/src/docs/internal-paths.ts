/** OpenAPI paths of the internal stock API (X-Internal-Key; never routed by the gateway). */
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  ProductLookupRequest,
  ProductLookupResponse,
  Reservation,
  ReservationCreate,
} from "@shop/contracts";
import { ReservationIdParam } from "../stock/stock.schemas.js";
import { body, internal, json, op, problem } from "./openapi-kit.js";

export const internalPaths: ZodOpenApiPathsObject = {
  "/internal/products/lookup": {
    post: op(["internal"], "Current price and sellable stock of product/option pairs", {
      ...internal,
      requestBody: body(ProductLookupRequest),
      responses: {
        200: json("One answer per requested item, in order", ProductLookupResponse),
        401: problem("No internal key"),
      },
    }),
  },
  "/internal/reservations": {
    post: op(
      ["internal"],
      "Reserve stock for an order: all lines or none (idempotent on reservationId)",
      {
        ...internal,
        requestBody: body(ReservationCreate),
        responses: {
          201: json(
            "The reservation (a replay answers the existing one with Idempotent-Replayed: true)",
            Reservation,
          ),
          409: problem("INSUFFICIENT_STOCK: errors name each short line (items.N)"),
          422: problem("Same reservationId with different items"),
        },
      },
    ),
  },
  "/internal/reservations/{id}": {
    get: op(["internal"], "A reservation", {
      ...internal,
      requestParams: { path: ReservationIdParam },
      responses: { 200: json("The reservation", Reservation), 404: problem("Unknown") },
    }),
  },
  "/internal/reservations/{id}/commit": {
    post: op(["internal"], "Make the deduction final (idempotent)", {
      ...internal,
      requestParams: { path: ReservationIdParam },
      responses: {
        200: json("Committed", Reservation),
        404: problem("Unknown"),
        409: problem("Already released or expired"),
      },
    }),
  },
  "/internal/reservations/{id}/release": {
    post: op(["internal"], "Return the stock, from reserved or committed (idempotent)", {
      ...internal,
      requestParams: { path: ReservationIdParam },
      responses: { 200: json("Released", Reservation), 404: problem("Unknown") },
    }),
  },
};
