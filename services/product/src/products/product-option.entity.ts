/**
 * A single-dimension choice of a product (a colour or a size) with its own stock and surcharge.
 * Stock model: `product.stock` caps the product's total sales, `option.stock` caps that option's;
 * a line for an option takes from both (see README).
 */
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from "typeorm";
import type { OptionType } from "@shop/contracts";
import { Product } from "./product.entity.js";

@Entity("product_options")
@Index("UQ_product_options_value", ["productId", "type", "value"], { unique: true })
@Check("CHK_product_options_stock_nonneg", "stock >= 0")
@Check("CHK_product_options_extra_price", "extra_price >= 0")
@Check("CHK_product_options_type", "type IN ('colour', 'size')")
export class ProductOption {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid" })
  productId: string;

  @ManyToOne(() => Product, (product) => product.options, { onDelete: "CASCADE" })
  @JoinColumn({ name: "product_id" })
  product: Relation<Product>;

  @Column({ type: "varchar", length: 16 })
  type: OptionType;

  @Column({ type: "varchar", length: 40 })
  value: string;

  @Column({ type: "varchar", length: 60 })
  label: string;

  /** `#rrggbb` swatch colour for colour options. */
  @Column({ type: "varchar", length: 7, nullable: true })
  colourHex: string | null;

  @Column({ type: "integer", default: 0 })
  extraPrice: number;

  @Column({ type: "integer", default: 0 })
  stock: number;

  @Column({ type: "integer", default: 0 })
  sortOrder: number;
}
