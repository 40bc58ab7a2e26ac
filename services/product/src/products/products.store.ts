/** SQL for product reads: the filtered, sorted, paginated list and the summary/detail views. */
import { Inject, Injectable } from "@nestjs/common";
import { DataSource, type EntityManager, type SelectQueryBuilder } from "typeorm";
import { ProductImage } from "../images/product-image.entity.js";
import { ProductOption } from "./product-option.entity.js";
import type {
  ProductDetail,
  ProductImage as ImageView,
  ProductOption as OptionView,
  ProductSort,
  ProductStatus,
  ProductSummary,
} from "@shop/contracts";
import { discountRate, Product } from "./product.entity.js";

export interface ListFilter {
  categoryId?: string;
  minPrice?: number;
  maxPrice?: number;
  q?: string;
  onSale?: boolean;
  isNew?: boolean;
  featured?: boolean;
  ids?: string[];
  /** Undefined: every status. */
  status?: ProductStatus;
  sort?: ProductSort;
  offset: number;
  limit: number;
}

/** The search document; identical to the expression of IDX_products_search_trgm so the index is used. */
const SEARCH_DOCUMENT = "lower(p.name || ' ' || p.brand || ' ' || p.description)";

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class ProductsStore {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async list(filter: ListFilter): Promise<{ items: ProductSummary[]; total: number }> {
    const query = this.filtered(filter);
    const total = await query.clone().getCount();
    this.order(query, filter);
    const products = await query.offset(filter.offset).limit(filter.limit).getMany();
    return { items: await this.summaries(products), total };
  }

  private filtered(filter: ListFilter): SelectQueryBuilder<Product> {
    const query = this.db.getRepository(Product).createQueryBuilder("p");
    if (filter.status) query.andWhere("p.status = :status", { status: filter.status });
    if (filter.categoryId)
      query.andWhere("p.category_id = :categoryId", { categoryId: filter.categoryId });
    if (filter.minPrice !== undefined)
      query.andWhere("p.price >= :minPrice", { minPrice: filter.minPrice });
    if (filter.maxPrice !== undefined)
      query.andWhere("p.price <= :maxPrice", { maxPrice: filter.maxPrice });
    if (filter.onSale !== undefined)
      query.andWhere(filter.onSale ? "p.original_price > p.price" : "p.original_price = p.price");
    if (filter.isNew !== undefined) query.andWhere("p.is_new = :isNew", { isNew: filter.isNew });
    if (filter.featured !== undefined)
      query.andWhere("p.is_featured = :featured", { featured: filter.featured });
    if (filter.ids) query.andWhere("p.id IN (:...ids)", { ids: filter.ids });
    if (filter.q) {
      // Every word must appear somewhere in the document (substring match, any script).
      filter.q
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 8)
        .forEach((term, i) =>
          query.andWhere(`${SEARCH_DOCUMENT} LIKE :term${i}`, {
            [`term${i}`]: `%${escapeLike(term)}%`,
          }),
        );
    }
    return query;
  }

  private order(query: SelectQueryBuilder<Product>, filter: ListFilter): void {
    switch (filter.sort) {
      case "price_asc":
        query.orderBy("p.price", "ASC");
        break;
      case "price_desc":
        query.orderBy("p.price", "DESC");
        break;
      case "rating":
        query.orderBy("p.rating_average", "DESC").addOrderBy("p.review_count", "DESC");
        break;
      case "popular":
        query.orderBy("p.sales_count", "DESC");
        break;
      case "newest":
        query.orderBy("p.created_at", "DESC");
        break;
      default:
        if (filter.q) {
          query
            .orderBy("word_similarity(:rank, lower(p.name))", "DESC")
            .setParameter("rank", filter.q.toLowerCase())
            .addOrderBy("p.created_at", "DESC");
        } else if (filter.ids) {
          query
            .orderBy("array_position(CAST(:order AS uuid[]), p.id)", "ASC")
            .setParameter("order", filter.ids);
        } else {
          query.orderBy("p.created_at", "DESC");
        }
    }
    query.addOrderBy("p.id", "ASC");
  }

  /** Summaries with main image and colour swatches, two queries for the whole page. */
  async summaries(
    products: Product[],
    manager: EntityManager = this.db.manager,
  ): Promise<ProductSummary[]> {
    if (products.length === 0) return [];
    const ids = products.map((p) => p.id);
    const [images, colours] = await Promise.all([
      manager.query<Array<{ product_id: string; url: string }>>(
        `SELECT DISTINCT ON (product_id) product_id, url FROM product_images
          WHERE product_id = ANY($1) ORDER BY product_id, is_main DESC, sort_order, created_at`,
        [ids],
      ),
      manager
        .getRepository(ProductOption)
        .createQueryBuilder("o")
        .where("o.product_id IN (:...ids)", { ids })
        .andWhere("o.type = 'colour'")
        .orderBy("o.sort_order", "ASC")
        .getMany(),
    ]);
    const mainImage = new Map(images.map((row) => [row.product_id, row.url]));
    return products.map((product) => ({
      ...summaryFields(product),
      mainImageUrl: mainImage.get(product.id) ?? null,
      colours: colours
        .filter((o) => o.productId === product.id)
        .map((o) => ({ value: o.value, label: o.label, hex: o.colourHex })),
    }));
  }

  /** One product with category, options and images; soft-deleted ones are never found. */
  async detail(
    where: { id: string } | { slug: string },
    manager: EntityManager = this.db.manager,
  ): Promise<ProductDetail | undefined> {
    const product = await manager
      .getRepository(Product)
      .findOne({ where, relations: { category: true } });
    if (!product) return undefined;
    const [options, images] = await Promise.all([
      manager
        .getRepository(ProductOption)
        .find({ where: { productId: product.id }, order: { sortOrder: "ASC", value: "ASC" } }),
      manager
        .getRepository(ProductImage)
        .find({ where: { productId: product.id }, order: { sortOrder: "ASC", createdAt: "ASC" } }),
    ]);
    const views = images.map(imageView);
    return {
      ...summaryFields(product),
      mainImageUrl: (views.find((i) => i.isMain) ?? views[0])?.url ?? null,
      colours: options
        .filter((o) => o.type === "colour")
        .map((o) => ({ value: o.value, label: o.label, hex: o.colourHex })),
      description: product.description,
      category: {
        id: product.category.id,
        name: product.category.name,
        slug: product.category.slug,
        iconCode: product.category.iconCode,
      },
      options: options.map(optionView),
      images: views,
    };
  }
}

function summaryFields(p: Product): Omit<ProductSummary, "mainImageUrl" | "colours"> {
  return {
    id: p.id,
    name: p.name,
    slug: p.slug,
    brand: p.brand,
    categoryId: p.categoryId,
    price: p.price,
    originalPrice: p.originalPrice,
    discountRate: discountRate(p.price, p.originalPrice),
    ratingAverage: p.ratingAverage,
    reviewCount: p.reviewCount,
    salesCount: p.salesCount,
    isNew: p.isNew,
    isFeatured: p.isFeatured,
    status: p.status,
    stock: p.stock,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function optionView(o: ProductOption): OptionView {
  return {
    id: o.id,
    type: o.type,
    value: o.value,
    label: o.label,
    hex: o.colourHex,
    extraPrice: o.extraPrice,
    stock: o.stock,
  };
}

export function imageView(i: ProductImage): ImageView {
  return {
    id: i.id,
    url: i.url,
    width: i.width,
    height: i.height,
    sortOrder: i.sortOrder,
    isMain: i.isMain,
  };
}
