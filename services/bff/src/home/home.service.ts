/**
 * Composes the home page: content-owned components straight from the content file, catalogue
 * components from the product service, all in parallel, each within its own time budget. A
 * component whose upstream fails or is slow is left out and named in `degraded`.
 */
import type { HomeComponent, HomePage } from "@shop/contracts";
import type { Logger } from "@shop/platform";
import type { ComponentConfig, HomeContent } from "../content/content.schemas.js";
import { isLive } from "../content/content.store.js";
import type { ProductApi } from "../clients/product.client.js";

export interface HomeDeps {
  content: HomeContent;
  product: ProductApi;
  logger: Logger;
  /** Longest wait for one component (ms). */
  budgetMs: number;
}

type Data = NonNullable<HomeComponent["data"]>;

export async function buildHomePage(deps: HomeDeps, now: Date): Promise<HomePage> {
  const live = deps.content.components.filter((c) => c.type !== "promotion" || isLive(c, now));
  const settled = await Promise.allSettled(
    live.map((config) =>
      config.visible ? withDeadline(loadData(config, deps, now), deps.budgetMs, config.id) : null,
    ),
  );

  const components: HomeComponent[] = [];
  const degraded: string[] = [];
  settled.forEach((outcome, index) => {
    const config = live[index]!;
    if (outcome.status === "rejected") {
      degraded.push(config.id);
      deps.logger.warn({ component: config.id, err: outcome.reason }, "home component left out");
      return;
    }
    const data = outcome.value;
    // A banner whose every slide is out of its schedule has nothing to show.
    if (data && "slides" in data && data.slides.length === 0) return;
    components.push({
      id: config.id,
      type: config.type,
      title: config.title,
      visible: config.visible,
      data,
    } as HomeComponent);
  });
  return { contentVersion: deps.content.version, components, degraded };
}

async function loadData(config: ComponentConfig, deps: HomeDeps, now: Date): Promise<Data> {
  const { product } = deps;
  switch (config.type) {
    case "banner":
      return { autoplayMs: config.autoplayMs, slides: config.slides.filter((s) => isLive(s, now)) };
    case "promotion":
      return {
        subtitle: config.subtitle,
        badge: config.badge ?? null,
        cta: config.cta,
        visual: config.visual,
        endsAt: config.endsAt ?? null,
      };
    case "categories":
      return { items: await product.categories(), seeAllHref: config.seeAllHref ?? null };
    case "featuredProducts": {
      const page = await product.products({ featured: true, sort: "popular", limit: config.limit });
      return { items: page.items, seeAllHref: config.seeAllHref ?? null };
    }
    case "newArrivals": {
      const page = await product.products({ isNew: true, sort: "newest", limit: config.limit });
      return { items: page.items, seeAllHref: config.seeAllHref ?? null };
    }
    case "reviews":
      return {
        items: await product.latestReviews({ limit: config.limit, minRating: config.minRating }),
      };
  }
}

/** Rejects when `promise` takes longer than `ms`; the late answer is ignored. */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
