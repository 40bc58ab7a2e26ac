/**
 * Catalogue change events, published by the product service on Redis pub/sub and consumed by
 * the caches (gateway response cache, edge HTML cache) to purge what changed.
 */
import { z } from "zod";

/** Channel name (prefixed with the stack's `REDIS_PREFIX`). */
export const CATALOG_EVENTS_CHANNEL = "catalog.events";

export const CatalogEventType = z.enum([
  "product.created",
  "product.updated",
  "product.deleted",
  "category.created",
  "category.updated",
  "category.deleted",
]);
export type CatalogEventType = z.infer<typeof CatalogEventType>;

export const CatalogEvent = z.object({
  /** Event id (uuid), for de-duplication and logs. */
  eventId: z.string(),
  type: CatalogEventType,
  /** Id of the product or category that changed. */
  id: z.string(),
  /** Its slug (products and categories both have one). */
  slug: z.string().optional(),
  /** For products: the category (id and slug) before and after the change. */
  categoryIds: z.array(z.string()).optional(),
  categorySlugs: z.array(z.string()).optional(),
  /** ISO 8601 UTC. */
  at: z.string(),
});
export type CatalogEvent = z.infer<typeof CatalogEvent>;
