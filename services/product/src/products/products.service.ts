/** Product rules: who sees what, create/update/soft-delete with options and images, change events. */
import { Inject, Injectable } from "@nestjs/common";
import { AppError, type FieldError, type Identity } from "@shop/platform";
import { DataSource, type EntityManager } from "typeorm";
import { CategoriesService } from "../categories/categories.service.js";
import type { Category } from "../categories/category.entity.js";
import { isUniqueViolation } from "../common/db.js";
import { CatalogEvents, type CatalogChange } from "../common/events.js";
import { isUuid, slugify, withSuffix } from "../common/slug.js";
import { ImagesService } from "../images/images.service.js";
import { ProductOption } from "./product-option.entity.js";
import { Product } from "./product.entity.js";
import type { OptionInput, ProductCreate, ProductDetail, ProductUpdate } from "@shop/contracts";
import type { ProductListQuery } from "./products.schemas.js";
import { ProductsStore } from "./products.store.js";

@Injectable()
export class ProductsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ProductsStore) private readonly store: ProductsStore,
    @Inject(CategoriesService) private readonly categories: CategoriesService,
    @Inject(ImagesService) private readonly images: ImagesService,
    @Inject(CatalogEvents) private readonly events: CatalogEvents,
  ) {}

  async list(query: ProductListQuery, identity?: Identity) {
    const admin = identity?.role === "admin";
    if (query.status && query.status !== "active" && !admin) {
      throw new AppError("FORBIDDEN", "Only admins can list products that are not active");
    }
    const category = query.category ? await this.categories.find(query.category, admin) : undefined;
    const limit = query.limit ?? (query.ids ? query.ids.length : 20);
    const { items, total } = await this.store.list({
      ...query,
      categoryId: category?.id,
      status: query.status === "all" ? undefined : (query.status ?? "active"),
      offset: (query.page - 1) * limit,
      limit,
    });
    return { items, page: query.page, limit, total, totalPages: Math.ceil(total / limit) };
  }

  /** A product by id or slug; drafts and archived products only for admins. */
  async get(idOrSlug: string, identity?: Identity): Promise<ProductDetail> {
    const product = await this.store.detail(
      isUuid(idOrSlug) ? { id: idOrSlug } : { slug: idOrSlug.toLowerCase() },
    );
    if (!product || (product.status !== "active" && identity?.role !== "admin")) {
      throw new AppError("PRODUCT_NOT_FOUND", `No product '${idOrSlug}'`);
    }
    return product;
  }

  async create(body: ProductCreate): Promise<ProductDetail> {
    let slug = body.slug ?? slugify(body.name);
    for (let attempt = 0; ; attempt++) {
      try {
        const { detail, category } = await this.db.transaction((manager) =>
          this.insert(manager, body, slug),
        );
        await this.events.publish({
          type: "product.created",
          id: detail.id,
          slug: detail.slug,
          categories: [category],
        });
        return detail;
      } catch (error) {
        if (!isUniqueViolation(error, "UQ_products_slug_live")) throw error;
        if (body.slug || attempt >= 3) throw slugTaken(slug);
        slug = withSuffix(slugify(body.name));
      }
    }
  }

  private async insert(manager: EntityManager, body: ProductCreate, slug: string) {
    const category = await this.categoryFor(body.categoryId, manager);
    const product = await manager.getRepository(Product).save(
      manager.getRepository(Product).create({
        name: body.name,
        slug,
        description: body.description,
        brand: body.brand,
        categoryId: category.id,
        price: body.price,
        originalPrice: body.originalPrice ?? body.price,
        stock: body.stock ?? defaultStock(body.options),
        isNew: body.isNew,
        isFeatured: body.isFeatured,
        status: body.status,
      }),
    );
    await this.saveOptions(manager, product.id, body.options, []);
    await this.images.attach(manager, product.id, body.imageIds, []);
    const detail = await this.store.detail({ id: product.id }, manager);
    return { detail: detail!, category: { id: category.id, slug: category.slug } };
  }

  async update(id: string, body: ProductUpdate): Promise<ProductDetail> {
    try {
      const { detail, change, removedKeys } = await this.db.transaction(async (manager) => {
        const product = await this.lockProduct(manager, id);
        const before = await this.categoryFor(product.categoryId, manager);
        const after = body.categoryId ? await this.categoryFor(body.categoryId, manager) : before;
        if (body.price !== undefined && body.originalPrice === undefined) {
          // A new price without an original price keeps the discount only while it still makes sense.
          body.originalPrice = Math.max(body.price ?? product.price, product.originalPrice);
        }
        const next = { ...product, ...pick(body), categoryId: after.id };
        if (next.originalPrice < next.price) {
          throw new AppError(
            "VALIDATION_FAILED",
            "originalPrice must be greater than or equal to price",
            {
              errors: [
                { field: "originalPrice", message: "must be greater than or equal to price" },
              ],
            },
          );
        }
        await manager
          .getRepository(Product)
          .update({ id }, { ...pick(body), categoryId: after.id });
        if (body.options) {
          const existing = await manager
            .getRepository(ProductOption)
            .find({ where: { productId: id } });
          await this.saveOptions(manager, id, body.options, existing);
        }
        const removedKeys = body.imageIds
          ? await this.images.attach(
              manager,
              id,
              body.imageIds,
              await this.images.idsOf(manager, id),
            )
          : [];
        const detail = (await this.store.detail({ id }, manager))!;
        const change: CatalogChange = {
          type: "product.updated",
          id,
          slug: detail.slug,
          categories: [
            { id: before.id, slug: before.slug },
            { id: after.id, slug: after.slug },
          ],
        };
        return { detail, change, removedKeys };
      });
      await this.images.purge(removedKeys);
      await this.events.publish(change);
      return detail;
    } catch (error) {
      if (isUniqueViolation(error, "UQ_products_slug_live")) throw slugTaken(body.slug ?? "");
      throw error;
    }
  }

  async remove(id: string): Promise<void> {
    const change = await this.db.transaction(async (manager) => {
      const product = await this.lockProduct(manager, id);
      const category = await this.categoryFor(product.categoryId, manager);
      await manager.getRepository(Product).softDelete({ id });
      const change: CatalogChange = {
        type: "product.deleted",
        id,
        slug: product.slug,
        categories: [{ id: category.id, slug: category.slug }],
      };
      return change;
    });
    await this.events.publish(change);
  }

  /** Publishes a product.updated event for a change made elsewhere (images, reviews, stock). */
  async announce(id: string): Promise<void> {
    const product = await this.db
      .getRepository(Product)
      .findOne({ where: { id }, withDeleted: true, relations: { category: true } });
    if (!product) return;
    await this.events.publish({
      type: "product.updated",
      id,
      slug: product.slug,
      categories: [{ id: product.category.id, slug: product.category.slug }],
    });
  }

  /** Locks a live product row for the rest of the transaction; 404 when missing or deleted. */
  async lockProduct(manager: EntityManager, id: string): Promise<Product> {
    const product = await manager
      .getRepository(Product)
      .createQueryBuilder("p")
      .setLock("pessimistic_write")
      .where("p.id = :id", { id })
      .getOne();
    if (!product) throw new AppError("PRODUCT_NOT_FOUND", `No product '${id}'`);
    return product;
  }

  private async categoryFor(idOrSlug: string, manager: EntityManager): Promise<Category> {
    try {
      return await this.categories.find(idOrSlug, true, manager);
    } catch {
      throw new AppError("VALIDATION_FAILED", `categoryId: no category '${idOrSlug}'`, {
        errors: [{ field: "categoryId", message: "no such category" }],
      });
    }
  }

  /** Replaces a product's options: inputs with an id update that option, others are new, the rest go. */
  private async saveOptions(
    manager: EntityManager,
    productId: string,
    inputs: OptionInput[],
    existing: ProductOption[],
  ) {
    const repo = manager.getRepository(ProductOption);
    const known = new Map(existing.map((o) => [o.id, o]));
    const errors: FieldError[] = [];
    inputs.forEach((input, index) => {
      if (input.id && !known.has(input.id))
        errors.push({ field: `options.${index}.id`, message: "not an option of this product" });
    });
    if (errors.length) throw new AppError("VALIDATION_FAILED", errors[0]!.message, { errors });
    const keep = new Set(inputs.map((i) => i.id).filter(Boolean));
    const gone = existing.filter((o) => !keep.has(o.id)).map((o) => o.id);
    if (gone.length) await repo.delete(gone);
    const rows = inputs.map((input, index) =>
      repo.create({
        ...(input.id ? { id: input.id } : {}),
        productId,
        type: input.type,
        value: input.value,
        label: input.label ?? input.value,
        colourHex: input.type === "colour" ? (input.hex?.toLowerCase() ?? null) : null,
        extraPrice: input.extraPrice,
        stock: input.stock,
        sortOrder: index,
      }),
    );
    // Free the (type, value) pairs first so options can swap values within one update.
    if (rows.some((r) => r.id)) {
      await repo.update(
        rows.filter((r) => r.id).map((r) => r.id),
        { value: () => "'~' || id::text" },
      );
    }
    if (rows.length) await repo.save(rows);
  }
}

function pick(body: ProductUpdate): Partial<Product> {
  const { options: _o, imageIds: _i, categoryId: _c, ...fields } = body;
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as Partial<Product>;
}

function defaultStock(options: OptionInput[]): number {
  const first = options[0]?.type;
  return first ? options.filter((o) => o.type === first).reduce((sum, o) => sum + o.stock, 0) : 0;
}

function slugTaken(slug: string): AppError {
  return new AppError(
    "PRODUCT_SLUG_TAKEN",
    `The slug '${slug}' is already used by another product`,
    {
      errors: [{ field: "slug", message: "already in use" }],
    },
  );
}
