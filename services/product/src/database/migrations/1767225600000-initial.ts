/**
 * Initial schema: categories, products, options, images, reviews, stock reservations.
 * Tables come from the entities (TypeORM's schema diff); the trigram search index is added by hand.
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1767225600000 implements MigrationInterface {
  name = "Initial1767225600000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(50) NOT NULL, "slug" character varying(60) NOT NULL, "icon_code" character varying(40) NOT NULL, "sort_order" integer NOT NULL DEFAULT '0', "is_active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_24dbc6126a28ff948da33e97d3b" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_categories_slug_live" ON "categories"  ("slug") WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE TABLE "product_options" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "product_id" uuid NOT NULL, "type" character varying(16) NOT NULL, "value" character varying(40) NOT NULL, "label" character varying(60) NOT NULL, "colour_hex" character varying(7), "extra_price" integer NOT NULL DEFAULT '0', "stock" integer NOT NULL DEFAULT '0', "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "CHK_product_options_type" CHECK (type IN ('colour', 'size')), CONSTRAINT "CHK_product_options_extra_price" CHECK (extra_price >= 0), CONSTRAINT "CHK_product_options_stock_nonneg" CHECK (stock >= 0), CONSTRAINT "PK_3916b02fb43aa725f8167c718e4" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_product_options_value" ON "product_options"  ("product_id", "type", "value")`,
    );
    await q.query(
      `CREATE TABLE "products" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "slug" character varying(140) NOT NULL, "description" text NOT NULL DEFAULT '', "brand" character varying(60) NOT NULL, "category_id" uuid NOT NULL, "price" integer NOT NULL, "original_price" integer NOT NULL, "stock" integer NOT NULL DEFAULT '0', "rating_average" numeric(3,2) NOT NULL DEFAULT '0', "rating_total" integer NOT NULL DEFAULT '0', "review_count" integer NOT NULL DEFAULT '0', "sales_count" integer NOT NULL DEFAULT '0', "is_new" boolean NOT NULL DEFAULT false, "is_featured" boolean NOT NULL DEFAULT false, "status" character varying(16) NOT NULL DEFAULT 'active', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_products_status" CHECK (status IN ('active', 'draft', 'archived')), CONSTRAINT "CHK_products_original_price" CHECK (original_price >= price), CONSTRAINT "CHK_products_price_nonneg" CHECK (price >= 0), CONSTRAINT "CHK_products_stock_nonneg" CHECK (stock >= 0), CONSTRAINT "PK_0806c755e0aca124e67c0cf6d7d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_products_price" ON "products"  ("price")`);
    await q.query(`CREATE INDEX "IDX_products_created" ON "products"  ("created_at")`);
    await q.query(`CREATE INDEX "IDX_products_category" ON "products"  ("category_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_products_slug_live" ON "products"  ("slug") WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE TABLE "product_images" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "product_id" uuid, "storage_key" character varying(100) NOT NULL, "url" character varying(300) NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "bytes" integer NOT NULL, "content_type" character varying(40) NOT NULL, "sort_order" integer NOT NULL DEFAULT '0', "is_main" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1974264ea7265989af8392f63a1" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_product_images_unattached" ON "product_images"  ("created_at") WHERE product_id IS NULL`,
    );
    await q.query(`CREATE INDEX "IDX_product_images_key" ON "product_images"  ("storage_key")`);
    await q.query(
      `CREATE INDEX "IDX_product_images_product" ON "product_images"  ("product_id", "sort_order")`,
    );
    await q.query(
      `CREATE TABLE "stock_reservations" ("id" character varying(100) NOT NULL, "status" character varying(16) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "committed_at" TIMESTAMP WITH TIME ZONE, "released_at" TIMESTAMP WITH TIME ZONE, "release_reason" character varying(16), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_stock_reservations_status" CHECK (status IN ('reserved', 'committed', 'released')), CONSTRAINT "PK_46ec0f5605d70f64654ad4e7bd9" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_stock_reservations_expiry" ON "stock_reservations"  ("status", "expires_at")`,
    );
    await q.query(
      `CREATE TABLE "stock_reservation_lines" ("reservation_id" character varying(100) NOT NULL, "line_no" integer NOT NULL, "product_id" uuid NOT NULL, "option_id" uuid, "quantity" integer NOT NULL, CONSTRAINT "CHK_stock_reservation_lines_quantity" CHECK (quantity > 0), CONSTRAINT "PK_f25d4ed2984669534f2cefebadb" PRIMARY KEY ("reservation_id", "line_no"))`,
    );
    await q.query(
      `CREATE TABLE "reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "product_id" uuid NOT NULL, "member_id" character varying(64) NOT NULL, "author_name" character varying(60) NOT NULL, "rating" smallint NOT NULL, "text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_reviews_rating" CHECK (rating BETWEEN 1 AND 5), CONSTRAINT "PK_231ae565c273ee700b283f15c1d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_reviews_created" ON "reviews"  ("created_at")`);
    await q.query(
      `CREATE INDEX "IDX_reviews_product_created" ON "reviews"  ("product_id", "created_at")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_reviews_member_product" ON "reviews"  ("member_id", "product_id")`,
    );
    await q.query(
      `ALTER TABLE "product_options" ADD CONSTRAINT "FK_49677f87ad61a8b2a31f33c8a2c" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "products" ADD CONSTRAINT "FK_9a5f6868c96e0069e699f33e124" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "product_images" ADD CONSTRAINT "FK_4f166bb8c2bfcef2498d97b4068" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "stock_reservation_lines" ADD CONSTRAINT "FK_ac270c8c4876a7a0e8229142536" FOREIGN KEY ("reservation_id") REFERENCES "stock_reservations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reviews" ADD CONSTRAINT "FK_9482e9567d8dcc2bc615981ef44" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Search: substring matching on name, brand and description with pg_trgm (see README).
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(
      `CREATE INDEX "IDX_products_search_trgm" ON "products" USING gin ((lower(name || ' ' || brand || ' ' || description)) gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "IDX_products_search_trgm"`);
    await q.query(`ALTER TABLE "reviews" DROP CONSTRAINT "FK_9482e9567d8dcc2bc615981ef44"`);
    await q.query(
      `ALTER TABLE "stock_reservation_lines" DROP CONSTRAINT "FK_ac270c8c4876a7a0e8229142536"`,
    );
    await q.query(`ALTER TABLE "product_images" DROP CONSTRAINT "FK_4f166bb8c2bfcef2498d97b4068"`);
    await q.query(`ALTER TABLE "products" DROP CONSTRAINT "FK_9a5f6868c96e0069e699f33e124"`);
    await q.query(`ALTER TABLE "product_options" DROP CONSTRAINT "FK_49677f87ad61a8b2a31f33c8a2c"`);
    await q.query(`DROP INDEX "public"."UQ_reviews_member_product"`);
    await q.query(`DROP INDEX "public"."IDX_reviews_product_created"`);
    await q.query(`DROP INDEX "public"."IDX_reviews_created"`);
    await q.query(`DROP TABLE "reviews"`);
    await q.query(`DROP TABLE "stock_reservation_lines"`);
    await q.query(`DROP INDEX "public"."IDX_stock_reservations_expiry"`);
    await q.query(`DROP TABLE "stock_reservations"`);
    await q.query(`DROP INDEX "public"."IDX_product_images_product"`);
    await q.query(`DROP INDEX "public"."IDX_product_images_key"`);
    await q.query(`DROP INDEX "public"."IDX_product_images_unattached"`);
    await q.query(`DROP TABLE "product_images"`);
    await q.query(`DROP INDEX "public"."UQ_products_slug_live"`);
    await q.query(`DROP INDEX "public"."IDX_products_category"`);
    await q.query(`DROP INDEX "public"."IDX_products_created"`);
    await q.query(`DROP INDEX "public"."IDX_products_price"`);
    await q.query(`DROP TABLE "products"`);
    await q.query(`DROP INDEX "public"."UQ_product_options_value"`);
    await q.query(`DROP TABLE "product_options"`);
    await q.query(`DROP INDEX "public"."UQ_categories_slug_live"`);
    await q.query(`DROP TABLE "categories"`);
  }
}
