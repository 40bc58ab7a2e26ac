/** Category rules: public reads see active categories only; admins create, edit and soft-delete. */
import { Inject, Injectable } from "@nestjs/common";
import { AppError } from "@shop/platform";
import { DataSource, IsNull, type EntityManager } from "typeorm";
import { isUniqueViolation } from "../common/db.js";
import { CatalogEvents } from "../common/events.js";
import { isUuid, slugify } from "../common/slug.js";
import { Product } from "../products/product.entity.js";
import { Category } from "./category.entity.js";
import type { Category as CategoryView } from "@shop/contracts";
import type { CategoryCreate, CategoryUpdate } from "./categories.schemas.js";

@Injectable()
export class CategoriesService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(CatalogEvents) private readonly events: CatalogEvents,
  ) {}

  async list(includeInactive = false): Promise<CategoryView[]> {
    const categories = await this.db.getRepository(Category).find({
      where: includeInactive ? {} : { isActive: true },
      order: { sortOrder: "ASC", name: "ASC" },
    });
    const counts = await this.productCounts();
    return categories.map((c) => toView(c, counts.get(c.id) ?? 0));
  }

  async get(idOrSlug: string, includeInactive = false): Promise<CategoryView> {
    const category = await this.find(idOrSlug, includeInactive);
    const counts = await this.productCounts(category.id);
    return toView(category, counts.get(category.id) ?? 0);
  }

  /** Resolves a category by id or slug (for product filters too); 404 when unknown or hidden. */
  async find(
    idOrSlug: string,
    includeInactive = false,
    manager: EntityManager = this.db.manager,
  ): Promise<Category> {
    const where = isUuid(idOrSlug) ? { id: idOrSlug } : { slug: idOrSlug.toLowerCase() };
    const category = await manager.getRepository(Category).findOne({ where });
    if (!category || (!includeInactive && !category.isActive)) {
      throw new AppError("CATEGORY_NOT_FOUND", `No category '${idOrSlug}'`);
    }
    return category;
  }

  async create(body: CategoryCreate): Promise<CategoryView> {
    const category = await this.save(
      this.db
        .getRepository(Category)
        .create({ ...body, slug: body.slug ?? slugify(body.name, 60) }),
    );
    await this.events.publish({ type: "category.created", id: category.id, slug: category.slug });
    return toView(category, 0);
  }

  async update(id: string, body: CategoryUpdate): Promise<CategoryView> {
    const category = await this.find(id, true);
    const before = category.slug;
    Object.assign(category, body);
    const saved = await this.save(category);
    await this.events.publish({
      type: "category.updated",
      id: saved.id,
      slug: saved.slug,
      categories: [
        { id: saved.id, slug: before },
        { id: saved.id, slug: saved.slug },
      ],
    });
    return this.get(saved.id, true);
  }

  async remove(id: string): Promise<void> {
    await this.db
      .transaction(async (manager) => {
        const category = await this.find(id, true, manager);
        const live = await manager
          .getRepository(Product)
          .count({ where: { categoryId: category.id, deletedAt: IsNull() } });
        if (live > 0) {
          throw new AppError(
            "CATEGORY_NOT_EMPTY",
            `The category still has ${live} products; move or delete them first`,
          );
        }
        await manager.getRepository(Category).softDelete({ id: category.id });
        return category;
      })
      .then((category) =>
        this.events.publish({ type: "category.deleted", id: category.id, slug: category.slug }),
      );
  }

  private async save(category: Category): Promise<Category> {
    try {
      return await this.db.getRepository(Category).save(category);
    } catch (error) {
      if (isUniqueViolation(error, "UQ_categories_slug_live")) {
        throw new AppError(
          "CATEGORY_SLUG_TAKEN",
          `The slug '${category.slug}' is already used by another category`,
          {
            errors: [{ field: "slug", message: "already in use" }],
          },
        );
      }
      throw error;
    }
  }

  private async productCounts(categoryId?: string): Promise<Map<string, number>> {
    const query = this.db
      .getRepository(Product)
      .createQueryBuilder("p")
      .select("p.category_id", "categoryId")
      .addSelect("count(*)::int", "count")
      .where("p.status = 'active'")
      .groupBy("p.category_id");
    if (categoryId) query.andWhere("p.category_id = :categoryId", { categoryId });
    const rows = await query.getRawMany<{ categoryId: string; count: number }>();
    return new Map(rows.map((r) => [r.categoryId, r.count]));
  }
}

export function toView(category: Category, productCount: number): CategoryView {
  return {
    id: category.id,
    name: category.name,
    slug: category.slug,
    iconCode: category.iconCode,
    sortOrder: category.sortOrder,
    isActive: category.isActive,
    productCount,
    createdAt: category.createdAt.toISOString(),
    updatedAt: category.updatedAt.toISOString(),
  };
}
