/**
 * Image records and files: upload (check, re-encode, store), attach to products in order, delete,
 * and the sweep that removes abandoned uploads and images of deleted products.
 */
import { Inject, Injectable } from "@nestjs/common";
import { AppError, type FieldError, type Logger } from "@shop/platform";
import { DataSource, In, IsNull, type EntityManager } from "typeorm";
import type { ProductConfig } from "../config.js";
import { returning } from "../common/db.js";
import { CONFIG, IMAGE_STORAGE, LOGGER } from "../common/tokens.js";
import { Product } from "../products/product.entity.js";
import type { ImageStorage } from "./image-storage.js";
import { processImage, type ProcessedImage } from "./image-processing.js";
import { ProductImage } from "./product-image.entity.js";
import type { UploadedImage } from "@shop/contracts";

export interface UploadFile {
  fieldname: string;
  buffer: Buffer;
}

@Injectable()
export class ImagesService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(IMAGE_STORAGE) private readonly storage: ImageStorage,
    @Inject(CONFIG) private readonly config: ProductConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Checks, re-encodes and stores every file; nothing is recorded unless all of them pass. */
  async store(files: UploadFile[]): Promise<ProcessedImage[]> {
    if (files.length === 0) {
      throw new AppError("VALIDATION_FAILED", "files: attach at least one image", {
        errors: [{ field: "files", message: "attach at least one image" }],
      });
    }
    const limits = {
      maxBytes: this.config.IMAGE_MAX_BYTES,
      maxPixels: this.config.IMAGE_MAX_PIXELS,
      maxSide: this.config.IMAGE_MAX_SIDE,
    };
    const processed: ProcessedImage[] = [];
    // One at a time: sharp already uses the thread pool, and uploads are rare.
    for (const [index, file] of files.entries())
      processed.push(await processImage(file.buffer, limits, `${file.fieldname}[${index}]`));
    for (const image of processed) await this.put(image.key, image.data, image.contentType);
    return processed;
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    if (!(await this.storage.has(key))) await this.storage.put(key, data, contentType);
  }

  /** Upload before a product exists: records without a product, swept if never attached. */
  async upload(files: UploadFile[]): Promise<UploadedImage[]> {
    const processed = await this.store(files);
    const repo = this.db.getRepository(ProductImage);
    const rows = await repo.save(
      processed.map((image) => repo.create(record(image, null, 0, false))),
    );
    return rows.map(uploadedView);
  }

  /** Upload straight onto an existing product, after its current images. */
  async uploadTo(productId: string, files: UploadFile[]): Promise<UploadedImage[]> {
    const processed = await this.store(files);
    return this.db.transaction(async (manager) => {
      const product = await manager
        .getRepository(Product)
        .createQueryBuilder("p")
        .setLock("pessimistic_write")
        .where("p.id = :productId", { productId })
        .getOne();
      if (!product) throw new AppError("PRODUCT_NOT_FOUND", `No product '${productId}'`);
      const current = await manager
        .getRepository(ProductImage)
        .find({ where: { productId }, order: { sortOrder: "DESC" } });
      const next = (current[0]?.sortOrder ?? -1) + 1;
      const repo = manager.getRepository(ProductImage);
      const rows = await repo.save(
        processed.map((image, i) =>
          repo.create(record(image, productId, next + i, current.length === 0 && i === 0)),
        ),
      );
      return rows.map(uploadedView);
    });
  }

  /** Current image ids of a product, in display order. */
  async idsOf(manager: EntityManager, productId: string): Promise<string[]> {
    const rows = await manager.getRepository(ProductImage).find({
      where: { productId },
      order: { sortOrder: "ASC", createdAt: "ASC" },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  /**
   * Makes `imageIds` the product's images in that order (first = main). New ids must be unattached
   * uploads; current images left out are deleted (returns their keys: purge them after the commit).
   */
  async attach(
    manager: EntityManager,
    productId: string,
    imageIds: string[],
    currentIds: string[],
  ): Promise<string[]> {
    const repo = manager.getRepository(ProductImage);
    const current = new Set(currentIds);
    const added = imageIds.filter((id) => !current.has(id));
    if (added.length) {
      const free = await repo.find({
        where: { id: In(added), productId: IsNull() },
        select: { id: true },
      });
      const freeIds = new Set(free.map((r) => r.id));
      const errors: FieldError[] = imageIds.flatMap((id, index) =>
        !current.has(id) && !freeIds.has(id)
          ? [{ field: `imageIds.${index}`, message: "not an unattached upload" }]
          : [],
      );
      if (errors.length)
        throw new AppError("VALIDATION_FAILED", `${errors[0]!.field}: ${errors[0]!.message}`, {
          errors,
        });
    }
    const removed = currentIds.filter((id) => !imageIds.includes(id));
    const gone = removed.length
      ? await repo.find({ where: { id: In(removed) }, select: { id: true, storageKey: true } })
      : [];
    if (removed.length) await repo.delete({ id: In(removed) });
    for (const [index, id] of imageIds.entries()) {
      await repo.update({ id }, { productId, sortOrder: index, isMain: index === 0 });
    }
    return gone.map((image) => image.storageKey);
  }

  /** Deletes one image of a product; the next one becomes main when the main image goes. */
  async remove(productId: string, imageId: string): Promise<void> {
    const key = await this.db.transaction(async (manager) => {
      const repo = manager.getRepository(ProductImage);
      const image = await repo.findOne({ where: { id: imageId, productId } });
      if (!image)
        throw new AppError("IMAGE_NOT_FOUND", `Product ${productId} has no image ${imageId}`);
      await repo.delete({ id: imageId });
      if (image.isMain) {
        const next = await repo.findOne({
          where: { productId },
          order: { sortOrder: "ASC", createdAt: "ASC" },
        });
        if (next) await repo.update({ id: next.id }, { isMain: true });
      }
      return image.storageKey;
    });
    await this.purge([key]);
  }

  /** Deletes abandoned uploads and images of products deleted longer ago than the grace period. */
  async sweep(now = new Date()): Promise<{ records: number; files: number }> {
    const orphanBefore = new Date(now.getTime() - this.config.IMAGE_ORPHAN_TTL_SECONDS * 1000);
    const deletedBefore = new Date(now.getTime() - this.config.IMAGE_DELETED_GRACE_SECONDS * 1000);
    const keys = await returning<{ storage_key: string }>(
      this.db,
      `DELETE FROM product_images i
        WHERE (i.product_id IS NULL AND i.created_at < $1)
           OR i.product_id IN (SELECT id FROM products WHERE deleted_at IS NOT NULL AND deleted_at < $2)
        RETURNING i.storage_key`,
      [orphanBefore, deletedBefore],
    );
    const files = await this.purge(keys.map((r) => r.storage_key));
    return { records: keys.length, files };
  }

  /** Deletes the files of `keys` no record refers to any more. */
  async purge(keys: string[]): Promise<number> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return 0;
    const still = await this.db
      .getRepository(ProductImage)
      .find({ where: { storageKey: In(unique) }, select: { storageKey: true } });
    const referenced = new Set(still.map((r) => r.storageKey));
    let deleted = 0;
    for (const key of unique.filter((k) => !referenced.has(k))) {
      try {
        await this.storage.delete(key);
        deleted++;
      } catch (error) {
        this.logger.warn({ err: error, key }, "image file not deleted");
      }
    }
    return deleted;
  }

  open(key: string) {
    return this.storage.get(key);
  }
}

function record(
  image: ProcessedImage,
  productId: string | null,
  sortOrder: number,
  isMain: boolean,
): Partial<ProductImage> {
  return {
    productId,
    storageKey: image.key,
    url: `/images/${image.key}`,
    width: image.width,
    height: image.height,
    bytes: image.data.length,
    contentType: image.contentType,
    sortOrder,
    isMain,
  };
}

export function uploadedView(row: ProductImage): UploadedImage {
  return {
    id: row.id,
    url: row.url,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    contentType: row.contentType,
    productId: row.productId,
    sortOrder: row.sortOrder,
    isMain: row.isMain,
    createdAt: row.createdAt.toISOString(),
  };
}
