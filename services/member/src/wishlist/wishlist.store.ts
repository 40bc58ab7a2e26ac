/** Wishlist rows: one per member and product, with the time it was added. */
import type { WishlistEntry } from "@shop/contracts";
import type { Db, WishlistRow } from "../prisma/client.js";
import { guard } from "../prisma/errors.js";

const toEntry = (row: WishlistRow): WishlistEntry => ({
  productId: row.productId,
  addedAt: row.addedAt.toISOString(),
});

export function createWishlistStore(db: Db) {
  return {
    async page(memberId: string, page: number, limit: number) {
      const [rows, total] = await guard(() =>
        db.$transaction([
          db.wishlistItem.findMany({
            where: { memberId },
            orderBy: [{ addedAt: "desc" }, { productId: "asc" }],
            skip: (page - 1) * limit,
            take: limit,
          }),
          db.wishlistItem.count({ where: { memberId } }),
        ]),
      );
      return { items: rows.map(toEntry), total };
    },

    count: (memberId: string) => guard(() => db.wishlistItem.count({ where: { memberId } })),

    /** Adds the product, keeping the first added-at when it is already there. */
    async add(memberId: string, productId: string): Promise<WishlistEntry> {
      const row = await guard(() =>
        db.wishlistItem.upsert({
          where: { memberId_productId: { memberId, productId } },
          create: { memberId, productId },
          update: {},
        }),
      );
      return toEntry(row);
    },

    async remove(memberId: string, productId: string): Promise<void> {
      await guard(() => db.wishlistItem.deleteMany({ where: { memberId, productId } }));
    },

    async has(memberId: string, productId: string): Promise<boolean> {
      return (await guard(() => db.wishlistItem.count({ where: { memberId, productId } }))) > 0;
    },
  };
}

export type WishlistStore = ReturnType<typeof createWishlistStore>;
