/** Releases expired reservations every RESERVATION_SWEEP_INTERVAL_SECONDS. */
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from "@nestjs/common";
import { reportOpenReservations, type Logger } from "@shop/platform";
import type { ProductConfig } from "../config.js";
import { periodic, type PeriodicJob } from "../common/periodic.js";
import { CONFIG, LOGGER } from "../common/tokens.js";
import { ReservationsService } from "./reservations.service.js";

@Injectable()
export class ReservationsSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  readonly job: PeriodicJob;

  constructor(
    @Inject(ReservationsService) reservations: ReservationsService,
    @Inject(CONFIG) config: ProductConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.job = periodic(
      "reservation sweep",
      config.RESERVATION_SWEEP_INTERVAL_SECONDS * 1000,
      logger,
      () => reservations.sweepExpired(),
    );
    reportOpenReservations(() => reservations.countOpen());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.job.stop();
  }
}
