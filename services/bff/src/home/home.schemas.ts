/** `/api/home`: the page as an ordered list of UI components. */
import { z } from "zod";
import { Cta, Slide, Visual } from "../content/content.schemas.js";
import { Category, LatestReview, ProductSummary } from "@shop/contracts";

const Href = z.string().nullable();

function component<T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.object({
    id: z.string(),
    type: z.literal(type),
    title: z.string(),
    visible: z.boolean(),
    /** Null when the content hides the component (`visible: false`). */
    data: data.nullable(),
  });
}

const ProductRailData = z.object({ items: z.array(ProductSummary), seeAllHref: Href });

export const HomeComponent = z.discriminatedUnion("type", [
  component("banner", z.object({ autoplayMs: z.number().int(), slides: z.array(Slide) })),
  component("categories", z.object({ items: z.array(Category), seeAllHref: Href })),
  component("featuredProducts", ProductRailData),
  component("newArrivals", ProductRailData),
  component(
    "promotion",
    z.object({
      subtitle: z.string(),
      badge: z.string().nullable(),
      cta: Cta,
      visual: Visual,
      endsAt: z.string().nullable(),
    }),
  ),
  component("reviews", z.object({ items: z.array(LatestReview) })),
]);
export type HomeComponent = z.infer<typeof HomeComponent>;

export const HomePage = z.object({
  contentVersion: z.number().int(),
  components: z.array(HomeComponent),
  /** Ids of components left out because their upstream failed or was too slow. */
  degraded: z.array(z.string()),
});
export type HomePage = z.infer<typeof HomePage>;
