/** The Prisma client over node-postgres (Prisma 7's engine-free client with the pg driver adapter). */
import { POSTGRES_BOUNDS } from "@shop/platform/postgres";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client.js";

export type Db = PrismaClient;
export { Prisma } from "../../generated/prisma/client.js";
export type {
  Member as MemberRow,
  WishlistItem as WishlistRow,
} from "../../generated/prisma/client.js";

/** Creates the client; `poolSize` bounds the pg pool it opens lazily. */
export function createDb(databaseUrl: string, poolSize: number): Db {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: poolSize,
    ...POSTGRES_BOUNDS,
  });
  return new PrismaClient({ adapter });
}
