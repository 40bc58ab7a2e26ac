/** Runs the image sweep every IMAGE_SWEEP_INTERVAL_SECONDS. */
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from "@nestjs/common";
import type { Logger } from "@shop/platform";
import type { ProductConfig } from "../config.js";
import { periodic, type PeriodicJob } from "../common/periodic.js";
import { CONFIG, LOGGER } from "../common/tokens.js";
import { ImagesService } from "./images.service.js";

@Injectable()
export class ImagesSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  readonly job: PeriodicJob;

  constructor(
    @Inject(ImagesService) images: ImagesService,
    @Inject(CONFIG) config: ProductConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.job = periodic("image sweep", config.IMAGE_SWEEP_INTERVAL_SECONDS * 1000, logger, () =>
      images.sweep(),
    );
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.job.stop();
  }
}
