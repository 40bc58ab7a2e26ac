/**
 * Purges on catalogue changes (Redis channel `${REDIS_PREFIX}catalog.events`): a product change
 * purges the home page, that product's pages (by slug and id), the category pages and search
 * results; a category change purges the home page and the category pages.
 */
import { CATALOG_EVENTS_CHANNEL, CatalogEvent } from "@shop/contracts";
import type { Logger } from "@shop/platform";
import type { HtmlCache } from "./html-cache.js";
import { tagsForPaths } from "./key.js";
import type { RedisConnection } from "../redis.js";

export function pathsForEvent(event: CatalogEvent): string[] {
  const categoryPages = ["/categories", "/categories/*"];
  if (event.type.startsWith("category.")) return ["/", ...categoryPages];
  const productPages = [event.slug, event.id]
    .filter(Boolean)
    .map((ref) => `/products/${encodeURIComponent(ref!)}`);
  return ["/", ...productPages, ...categoryPages, "/search"];
}

export async function subscribeCatalogEvents(
  redis: RedisConnection,
  cache: HtmlCache,
  logger: Logger,
): Promise<void> {
  await redis.subscribe(CATALOG_EVENTS_CHANNEL, (message) => {
    let event: CatalogEvent;
    try {
      event = CatalogEvent.parse(JSON.parse(message));
    } catch {
      logger.warn({ channel: CATALOG_EVENTS_CHANNEL }, "ignored a malformed catalogue event");
      return;
    }
    const paths = pathsForEvent(event);
    // Every proxy process gets the event itself, so no re-broadcast is needed.
    cache
      .purge(tagsForPaths(paths), { broadcast: false })
      .then((purged) =>
        logger.info(
          { event: event.type, id: event.id, paths, purged },
          "purged pages after catalogue change",
        ),
      )
      .catch((error: unknown) => logger.warn({ err: error }, "catalogue purge failed"));
  });
}
