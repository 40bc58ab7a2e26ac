/** A catalogue category (the shop's category row: 의류, 신발, …). Soft-deleted, never removed. */
import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from "typeorm";

@Entity("categories")
@Index("UQ_categories_slug_live", ["slug"], { unique: true, where: "deleted_at IS NULL" })
export class Category {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "varchar", length: 50 })
  name: string;

  @Column({ type: "varchar", length: 60 })
  slug: string;

  /** A stable icon name the storefront maps to an icon (e.g. `shirt`, `sneaker`). */
  @Column({ type: "varchar", length: 40 })
  iconCode: string;

  @Column({ type: "integer", default: 0 })
  sortOrder: number;

  @Column({ type: "boolean", default: true })
  isActive: boolean;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;

  @DeleteDateColumn({ type: "timestamptz" })
  deletedAt: Date | null;
}
