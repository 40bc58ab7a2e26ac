import type { HomeComponent } from "@/lib/api/home";
import { SectionHeader } from "@/components/ui/section-header";
import { ProductGrid } from "@/components/product/product-grid";
import { BannerCarousel } from "./banner-carousel";
import { CategoryRow } from "./category-row";
import { ProductRail } from "./product-rail";
import { PromotionCard } from "./promotion-card";
import { ReviewList } from "./review-list";

/** Sections below the first screen skip layout and paint until scrolled near (cheaper first load). */
const DEFERRED = "[content-visibility:auto] [contain-intrinsic-size:auto_640px]";

/** Renders one `/api/home` component; empty components render nothing. */
export function HomeSection({ component }: { component: HomeComponent }) {
  const headingId = `home-${component.id}`;
  switch (component.type) {
    case "banner":
      return component.data.slides.length ? (
        <BannerCarousel
          slides={component.data.slides}
          autoplayMs={component.data.autoplayMs}
          label={component.title || "기획전"}
        />
      ) : null;
    case "categories":
      return component.data.items.length ? (
        <section aria-labelledby={headingId}>
          <SectionHeader id={headingId} title={component.title} href={component.data.seeAllHref} />
          <CategoryRow categories={component.data.items} label={component.title} />
        </section>
      ) : null;
    case "featuredProducts":
      return component.data.items.length ? (
        <section aria-labelledby={headingId}>
          <SectionHeader id={headingId} title={component.title} href={component.data.seeAllHref} />
          <ProductGrid products={component.data.items} label={component.title} eager={1} />
        </section>
      ) : null;
    case "newArrivals":
      return component.data.items.length ? (
        <section aria-labelledby={headingId} className={DEFERRED}>
          <SectionHeader id={headingId} title={component.title} href={component.data.seeAllHref} />
          <ProductRail products={component.data.items} label={component.title} />
        </section>
      ) : null;
    case "promotion":
      return <PromotionCard id={headingId} title={component.title} {...component.data} />;
    case "reviews":
      return component.data.items.length ? (
        <section aria-labelledby={headingId} className={DEFERRED}>
          <SectionHeader id={headingId} title={component.title} />
          <ReviewList reviews={component.data.items} showProduct />
        </section>
      ) : null;
  }
}
