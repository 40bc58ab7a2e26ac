/**
 * Publishes catalogue change events on `${REDIS_PREFIX}catalog.events` after the change commits.
 * A failed publish is logged, never fails the request: caches still expire by TTL.
 */
import { Inject, Injectable } from "@nestjs/common";
import { CATALOG_EVENTS_CHANNEL, type CatalogEvent, type CatalogEventType } from "@shop/contracts";
import type { Logger } from "@shop/platform";
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { ProductConfig } from "../config.js";
import { CONFIG, LOGGER, REDIS } from "./tokens.js";

export interface CatalogChange {
  type: CatalogEventType;
  id: string;
  slug?: string;
  /** Categories (id and slug) the product belonged to before and after the change. */
  categories?: Array<{ id: string; slug: string }>;
}

@Injectable()
export class CatalogEvents {
  readonly channel: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) config: ProductConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.channel = config.REDIS_PREFIX + CATALOG_EVENTS_CHANNEL;
  }

  async publish(change: CatalogChange): Promise<void> {
    const ids = [...new Set((change.categories ?? []).map((c) => c.id))];
    const slugs = [...new Set((change.categories ?? []).map((c) => c.slug))];
    const event: CatalogEvent = {
      eventId: randomUUID(),
      type: change.type,
      id: change.id,
      ...(change.slug ? { slug: change.slug } : {}),
      ...(ids.length ? { categoryIds: ids, categorySlugs: slugs } : {}),
      at: new Date().toISOString(),
    };
    try {
      await this.redis.publish(this.channel, JSON.stringify(event));
    } catch (error) {
      this.logger.warn({ err: error, event }, "catalog event not published");
    }
  }
}
