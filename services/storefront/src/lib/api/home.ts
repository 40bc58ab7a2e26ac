/** The home page (BFF `/api/home`): an ordered list of UI components, mapped for rendering. */
import {
  HomeComponent as HomeComponentWire,
  HomePage,
  type Cta as CtaWire,
  type Slide as SlideWire,
  type Visual as VisualWire,
} from "@shop/contracts";
import { z } from "zod";
import { request, type Transport } from "./http";
import { parseWith } from "./wire";
import { categoryView, type Category } from "./categories";
import { summaryView, type ProductSummary } from "./products";
import { reviewView, type Review } from "./reviews";

export interface Cta {
  text: string;
  href: string;
}

export interface Visual {
  image: { url: string; alt: string } | null;
  /** CSS background for gradient visuals. */
  gradient: string | null;
}

export interface Slide {
  id: string;
  title: string;
  subtitle: string;
  cta: Cta;
  visual: Visual;
}

interface Base<T extends string, D> {
  id: string;
  type: T;
  title: string;
  data: D;
}

export type HomeComponent =
  | Base<"banner", { autoplayMs: number; slides: Slide[] }>
  | Base<"categories", { items: Category[]; seeAllHref: string | null }>
  | Base<"featuredProducts" | "newArrivals", { items: ProductSummary[]; seeAllHref: string | null }>
  | Base<
      "promotion",
      { subtitle: string; badge: string | null; cta: Cta; visual: Visual; endsAt: string | null }
    >
  | Base<"reviews", { items: Review[] }>;

export interface HomeView {
  components: HomeComponent[];
  /** Component ids left out because an upstream failed. */
  degraded: string[];
}

/** Only site paths and https URLs become links; anything else falls back to the home page. */
export function safeHref(href: string | null): string {
  return href && (/^\/(?!\/)/.test(href) || href.startsWith("https://")) ? href : "/";
}

function toCta(wire: CtaWire): Cta {
  return { text: wire.text, href: safeHref(wire.href) };
}

function toVisual(wire: VisualWire): Visual {
  const g = wire.gradient;
  return {
    image: wire.image ? { url: wire.image.url, alt: wire.image.alt } : null,
    gradient: g ? `linear-gradient(${g.angle}deg, ${g.from}, ${g.to})` : null,
  };
}

function toSlide(wire: SlideWire): Slide {
  return {
    id: wire.id,
    title: wire.title,
    subtitle: wire.subtitle,
    cta: toCta(wire.cta),
    visual: toVisual(wire.visual),
  };
}

/** Maps one component; hidden ones give null (left out). */
function componentView(wire: HomeComponentWire): HomeComponent | null {
  if (!wire.visible || !wire.data) return null;
  const base = { id: wire.id, title: wire.title };
  switch (wire.type) {
    case "banner":
      return {
        ...base,
        type: "banner",
        data: { autoplayMs: wire.data.autoplayMs, slides: wire.data.slides.map(toSlide) },
      };
    case "categories":
      return {
        ...base,
        type: "categories",
        data: { items: wire.data.items.map(categoryView), seeAllHref: wire.data.seeAllHref },
      };
    case "featuredProducts":
    case "newArrivals":
      return {
        ...base,
        type: wire.type,
        data: { items: wire.data.items.map(summaryView), seeAllHref: wire.data.seeAllHref },
      };
    case "promotion":
      return {
        ...base,
        type: "promotion",
        data: {
          subtitle: wire.data.subtitle,
          badge: wire.data.badge,
          cta: toCta(wire.data.cta),
          visual: toVisual(wire.data.visual),
          endsAt: wire.data.endsAt,
        },
      };
    case "reviews":
      return { ...base, type: "reviews", data: { items: wire.data.items.map(reviewView) } };
  }
}

/**
 * The page envelope; each component is parsed on its own, so one the storefront does not know
 * (a newer BFF) or cannot read is left out like a degraded one instead of taking the page down.
 */
const HomeEnvelope = HomePage.extend({ components: z.array(z.unknown()) });

function homeView(wire: z.output<typeof HomeEnvelope>): HomeView {
  const components: HomeComponent[] = [];
  for (const item of wire.components) {
    const parsed = HomeComponentWire.safeParse(item);
    const component = parsed.success ? componentView(parsed.data) : null;
    if (component) components.push(component);
  }
  return { components, degraded: wire.degraded };
}

export const toHome = parseWith(HomeEnvelope, homeView, "home");

/** `GET /api/home` through the gateway (cached there for 300 s). */
export function getHome(t: Transport): Promise<HomeView> {
  return request(t, "/api/home", {}, toHome);
}
