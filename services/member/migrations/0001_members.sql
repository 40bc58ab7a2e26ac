-- Members and their wishlists. Kept in step with prisma/schema.prisma by src/prisma/schema-drift.test.ts.

-- citext makes the email unique and searchable regardless of case (trusted extension since PG 13).
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TYPE "MemberRole" AS ENUM ('customer', 'admin');
CREATE TYPE "MemberStatus" AS ENUM ('active', 'disabled');

CREATE TABLE "members" (
    "id"                   UUID           NOT NULL,
    "email"                CITEXT         NOT NULL,
    "password_hash"        TEXT           NOT NULL,
    "name"                 VARCHAR(100)   NOT NULL,
    "phone"                VARCHAR(30),
    "shipping_recipient"   VARCHAR(100),
    "shipping_postal_code" VARCHAR(10),
    "shipping_address1"    VARCHAR(200),
    "shipping_address2"    VARCHAR(200),
    "role"                 "MemberRole"   NOT NULL DEFAULT 'customer',
    "status"               "MemberStatus" NOT NULL DEFAULT 'active',
    "created_at"           TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at"           TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "members_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "members_email_key" ON "members" ("email");
CREATE INDEX "members_created_at_idx" ON "members" ("created_at");

CREATE TABLE "wishlist_items" (
    "member_id"  UUID           NOT NULL,
    "product_id" VARCHAR(64)    NOT NULL,
    "added_at"   TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "wishlist_items_pkey" PRIMARY KEY ("member_id", "product_id"),
    CONSTRAINT "wishlist_items_member_id_fkey" FOREIGN KEY ("member_id")
        REFERENCES "members" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "wishlist_items_member_id_added_at_idx" ON "wishlist_items" ("member_id", "added_at");
