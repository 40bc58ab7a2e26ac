/** A customer's review of a product: one per member and product. */
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from "typeorm";
import { Product } from "../products/product.entity.js";

@Entity("reviews")
@Index("UQ_reviews_member_product", ["memberId", "productId"], { unique: true })
@Index("IDX_reviews_product_created", ["productId", "createdAt"])
@Index("IDX_reviews_created", ["createdAt"])
@Check("CHK_reviews_rating", "rating BETWEEN 1 AND 5")
export class Review {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid" })
  productId: string;

  @ManyToOne(() => Product, { onDelete: "CASCADE" })
  @JoinColumn({ name: "product_id" })
  product: Relation<Product>;

  @Column({ type: "varchar", length: 64 })
  memberId: string;

  @Column({ type: "varchar", length: 60 })
  authorName: string;

  @Column({ type: "smallint" })
  rating: number;

  @Column({ type: "text" })
  text: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}
