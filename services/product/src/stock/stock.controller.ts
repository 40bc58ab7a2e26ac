/** Internal stock API for the cart and order services (X-Internal-Key; never routed by the gateway). */
import { Access } from "@shop/platform/nest";
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from "@nestjs/common";
import { ZodPipe } from "@shop/platform/nest";
import type { Response } from "express";
import { LookupService } from "./lookup.service.js";
import { ReservationsService } from "./reservations.service.js";
import { ProductLookupRequest, ReservationCreate } from "@shop/contracts";
import { ReservationIdParam } from "./stock.schemas.js";

@Controller("internal")
@Access({ internal: "only" })
export class StockController {
  constructor(
    @Inject(LookupService) private readonly lookups: LookupService,
    @Inject(ReservationsService) private readonly reservations: ReservationsService,
  ) {}

  @Post("products/lookup")
  @HttpCode(200)
  async lookup(@Body(new ZodPipe(ProductLookupRequest)) body: ProductLookupRequest) {
    return { items: await this.lookups.lookup(body) };
  }

  @Post("reservations")
  async reserve(
    @Body(new ZodPipe(ReservationCreate)) body: ReservationCreate,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { view, replayed } = await this.reservations.reserve(body);
    if (replayed) res.setHeader("Idempotent-Replayed", "true");
    return view;
  }

  @Get("reservations/:id")
  get(@Param(new ZodPipe(ReservationIdParam, "params")) params: ReservationIdParam) {
    return this.reservations.get(params.id);
  }

  @Post("reservations/:id/commit")
  @HttpCode(200)
  commit(@Param(new ZodPipe(ReservationIdParam, "params")) params: ReservationIdParam) {
    return this.reservations.commit(params.id);
  }

  @Post("reservations/:id/release")
  @HttpCode(200)
  release(@Param(new ZodPipe(ReservationIdParam, "params")) params: ReservationIdParam) {
    return this.reservations.release(params.id);
  }
}
