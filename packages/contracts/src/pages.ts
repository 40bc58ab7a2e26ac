/**
 * The BFF's UI-shaped answers, read by the storefront: the home page (`GET /api/home`), the
 * category page (`GET /api/categories`) and the product page (`GET /api/products/:idOrSlug`).
 * The home page's banners and promotions come from the BFF's content file, validated with the
 * same `Cta`, `Visual` and `Slide` schemas when the BFF starts.
 */
import { z } from "zod";
import { Category } from "./categories.ts";
import { HexColour } from "./common.ts";
import {
  ProductDetail,
  ProductImage,
  ProductOption,
  ProductPage,
  ProductSort,
} from "./products.ts";
import { ProductSummary } from "./products.ts";
import { LatestReview, RatingSummary, Review } from "./reviews.ts";

const Instant = z.iso.datetime({ offset: true });

/** A link the page may follow: a site path (`/…`, never `//…`) or an https URL. */
export const Href = z
  .string()
  .regex(/^(\/(?!\/)|https:\/\/)/, "must be a site path (/…) or an https URL");

export const Cta = z.object({ text: z.string().min(1).max(40), href: Href });
export type Cta = z.infer<typeof Cta>;

export const Visual = z
  .object({
    image: z.object({ url: Href, alt: z.string().max(200) }).optional(),
    gradient: z
      .object({
        from: HexColour,
        to: HexColour,
        angle: z.number().int().min(0).max(360).default(135),
      })
      .optional(),
  })
  .refine((visual) => visual.image || visual.gradient, { message: "needs an image or a gradient" });
export type Visual = z.infer<typeof Visual>;

/** When a piece of content shows: both ends optional, `startsAt` inclusive, `endsAt` exclusive. */
export const Schedule = {
  startsAt: Instant.optional(),
  endsAt: Instant.optional(),
};

export const Slide = z.object({
  id: z.string().min(1),
  title: z.string().min(1).max(80),
  subtitle: z.string().max(200).default(""),
  cta: Cta,
  visual: Visual,
  ...Schedule,
});
export type Slide = z.infer<typeof Slide>;

const SeeAll = Href.nullable();

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

const ProductRail = z.object({ items: z.array(ProductSummary), seeAllHref: SeeAll });

export const HomeComponent = z.discriminatedUnion("type", [
  component("banner", z.object({ autoplayMs: z.number().int(), slides: z.array(Slide) })),
  component("categories", z.object({ items: z.array(Category), seeAllHref: SeeAll })),
  component("featuredProducts", ProductRail),
  component("newArrivals", ProductRail),
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

/** The category page's applied query, normalised: every filter present, unset ones as null. */
export const AppliedFilters = z.object({
  category: z.string().nullable(),
  page: z.number().int(),
  limit: z.number().int(),
  sort: ProductSort,
  minPrice: z.number().int().nullable(),
  maxPrice: z.number().int().nullable(),
  q: z.string().nullable(),
  onSale: z.boolean().nullable(),
  isNew: z.boolean().nullable(),
  featured: z.boolean().nullable(),
});
export type AppliedFilters = z.infer<typeof AppliedFilters>;

export const CategoryPage = z.object({
  categories: z.array(Category),
  selected: Category.nullable(),
  products: ProductPage,
  filters: AppliedFilters,
});
export type CategoryPage = z.infer<typeof CategoryPage>;

export const ProductPageData = z.object({
  product: ProductDetail,
  options: z.array(ProductOption),
  images: z.array(ProductImage),
  rating: RatingSummary,
  /** Latest five reviews. */
  reviews: z.array(Review),
  /** Up to eight products of the same category, this one excluded. */
  related: z.array(ProductSummary),
  /** Parts left empty because their upstream call failed (`reviews`, `related`). */
  degraded: z.array(z.string()),
});
export type ProductPageData = z.infer<typeof ProductPageData>;
