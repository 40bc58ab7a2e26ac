/** Seeds an empty catalogue at start (ENABLE_SEED): categories, products, options, images, reviews. */
import { Inject, Injectable, type OnApplicationBootstrap } from "@nestjs/common";
import { retryWhileStoreUnavailable, type Logger } from "@shop/platform";
import { DataSource } from "typeorm";
import { Category } from "../categories/category.entity.js";
import type { ProductConfig } from "../config.js";
import { CONFIG, LOGGER } from "../common/tokens.js";
import { hashKey } from "../images/image-processing.js";
import { ProductImage } from "../images/product-image.entity.js";
import { ImagesService } from "../images/images.service.js";
import { ProductOption } from "../products/product-option.entity.js";
import { Product } from "../products/product.entity.js";
import { Review } from "../reviews/review.entity.js";
import { buildSeedPlan, type PlannedImage } from "./seed-plan.js";
import { renderProductImage } from "./seed-images.js";

@Injectable()
export class SeedService implements OnApplicationBootstrap {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ImagesService) private readonly images: ImagesService,
    @Inject(CONFIG) private readonly config: ProductConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.ENABLE_SEED)
      await retryWhileStoreUnavailable("catalogue seed", () => this.seedIfEmpty(), this.logger);
  }

  /** Seeds when there is no category at all (deleted ones count); true when it seeded. */
  async seedIfEmpty(): Promise<boolean> {
    if (!(await this.isEmpty())) return false;
    const started = performance.now();
    const plan = buildSeedPlan();
    const files = await this.renderImages(plan.images);
    const seeded = await this.db.transaction(async (manager) => {
      // Two instances starting together: the second waits here, then finds the catalogue full.
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('product-seed'))");
      if (!(await this.isEmpty(manager.connection))) return false;
      await manager.insert(Category, plan.categories);
      await manager.insert(Product, plan.products);
      await manager.insert(ProductOption, plan.options);
      await manager.insert(
        ProductImage,
        plan.images.map((image, i) => ({
          id: image.id,
          productId: image.productId,
          storageKey: files[i]!.key,
          url: `/images/${files[i]!.key}`,
          width: files[i]!.width,
          height: files[i]!.height,
          bytes: files[i]!.bytes,
          contentType: "image/webp",
          sortOrder: image.sortOrder,
          isMain: image.sortOrder === 0,
        })),
      );
      await manager.insert(Review, plan.reviews);
      return true;
    });
    if (seeded) {
      this.logger.info(
        {
          categories: plan.categories.length,
          products: plan.products.length,
          images: plan.images.length,
          reviews: plan.reviews.length,
          durationMs: Math.round(performance.now() - started),
        },
        "catalogue seeded",
      );
    }
    return seeded;
  }

  private async isEmpty(db: DataSource = this.db): Promise<boolean> {
    const rows: Array<{ count: number }> = await db.query(
      "SELECT count(*)::int AS count FROM categories",
    );
    return rows[0]?.count === 0;
  }

  /** Renders (identical pictures once) and stores every seed image; returns key and size per image. */
  private async renderImages(images: PlannedImage[]) {
    const unique = new Map<
      string,
      Promise<{ key: string; width: number; height: number; bytes: number }>
    >();
    const render = async (image: PlannedImage) => {
      const { data, width, height } = await renderProductImage(
        image.shape,
        image.colour,
        image.variant,
      );
      const key = hashKey(data);
      await this.images.put(key, data, "image/webp");
      return { key, width, height, bytes: data.length };
    };
    return Promise.all(
      images.map((image) => {
        const id = `${image.shape}:${image.colour}:${image.variant}`;
        if (!unique.has(id)) unique.set(id, render(image));
        return unique.get(id)!;
      }),
    );
  }
}
