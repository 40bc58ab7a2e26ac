/** A stored image: uploaded first (no product), then attached to a product by create/update. */
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from "typeorm";
import { Product } from "../products/product.entity.js";

@Entity("product_images")
@Index("IDX_product_images_product", ["productId", "sortOrder"])
@Index("IDX_product_images_key", ["storageKey"])
@Index("IDX_product_images_unattached", ["createdAt"], { where: "product_id IS NULL" })
export class ProductImage {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid", nullable: true })
  productId: string | null;

  @ManyToOne(() => Product, (product) => product.images, { onDelete: "CASCADE", nullable: true })
  @JoinColumn({ name: "product_id" })
  product: Relation<Product> | null;

  /** Content-hashed file name (`<sha256>.webp`), so the URL is immutable. */
  @Column({ type: "varchar", length: 100 })
  storageKey: string;

  @Column({ type: "varchar", length: 300 })
  url: string;

  @Column({ type: "integer" })
  width: number;

  @Column({ type: "integer" })
  height: number;

  @Column({ type: "integer" })
  bytes: number;

  @Column({ type: "varchar", length: 40 })
  contentType: string;

  @Column({ type: "integer", default: 0 })
  sortOrder: number;

  @Column({ type: "boolean", default: false })
  isMain: boolean;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
