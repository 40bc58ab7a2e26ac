/** A product: prices in whole KRW, total sellable stock, rating aggregates kept in step with reviews. */
import {
  Check,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from "typeorm";
import type { ProductStatus } from "@shop/contracts";
import { Category } from "../categories/category.entity.js";
import { ProductImage } from "../images/product-image.entity.js";
import { ProductOption } from "./product-option.entity.js";

const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? 0 : Number(v)) };

@Entity("products")
@Index("UQ_products_slug_live", ["slug"], { unique: true, where: "deleted_at IS NULL" })
@Index("IDX_products_category", ["categoryId"])
@Index("IDX_products_created", ["createdAt"])
@Index("IDX_products_price", ["price"])
// Trigram index on the search document; created in the migration (TypeORM cannot describe an
// expression index with an operator class), so schema sync leaves it alone.
@Index("IDX_products_search_trgm", { synchronize: false })
@Check("CHK_products_stock_nonneg", "stock >= 0")
@Check("CHK_products_price_nonneg", "price >= 0")
@Check("CHK_products_original_price", "original_price >= price")
@Check("CHK_products_status", "status IN ('active', 'draft', 'archived')")
export class Product {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "varchar", length: 120 })
  name: string;

  @Column({ type: "varchar", length: 140 })
  slug: string;

  @Column({ type: "text", default: "" })
  description: string;

  @Column({ type: "varchar", length: 60 })
  brand: string;

  @Column({ type: "uuid" })
  categoryId: string;

  @ManyToOne(() => Category, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "category_id" })
  category: Relation<Category>;

  @Column({ type: "integer" })
  price: number;

  @Column({ type: "integer" })
  originalPrice: number;

  @Column({ type: "integer", default: 0 })
  stock: number;

  @Column({ type: "numeric", precision: 3, scale: 2, default: 0, transformer: numeric })
  ratingAverage: number;

  @Column({ type: "integer", default: 0 })
  ratingTotal: number;

  @Column({ type: "integer", default: 0 })
  reviewCount: number;

  @Column({ type: "integer", default: 0 })
  salesCount: number;

  @Column({ type: "boolean", default: false })
  isNew: boolean;

  @Column({ type: "boolean", default: false })
  isFeatured: boolean;

  @Column({ type: "varchar", length: 16, default: "active" })
  status: ProductStatus;

  @OneToMany(() => ProductOption, (option) => option.product)
  options: Relation<ProductOption[]>;

  @OneToMany(() => ProductImage, (image) => image.product)
  images: Relation<ProductImage[]>;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;

  @DeleteDateColumn({ type: "timestamptz" })
  deletedAt: Date | null;
}

/** Percentage off the original price, rounded down (0 when not discounted). */
export function discountRate(price: number, originalPrice: number): number {
  if (originalPrice <= 0 || originalPrice <= price) return 0;
  return Math.floor(((originalPrice - price) * 100) / originalPrice);
}
