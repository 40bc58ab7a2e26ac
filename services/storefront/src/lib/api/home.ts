/** The home page (BFF `/api/home`): an ordered list of UI components, mapped for rendering. */
import { request, type Transport } from "./http";
import { arr, num, obj, optStr, str, type Wire } from "./wire";
import { toCategory, type Category } from "./categories";
import { toProductSummary, type ProductSummary } from "./products";
import { toReview, type Review } from "./reviews";

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
export function safeHref(value: unknown): string {
  const href = optStr(value);
  return href && (/^\/(?!\/)/.test(href) || href.startsWith("https://")) ? href : "/";
}

function toCta(value: unknown): Cta {
  const w = obj(value ?? {}, "cta");
  return { text: optStr(w.text) ?? "자세히 보기", href: safeHref(w.href) };
}

function toVisual(value: unknown): Visual {
  const w = (value && typeof value === "object" ? value : {}) as Wire;
  const image = w.image && typeof w.image === "object" ? (w.image as Wire) : null;
  const g = w.gradient && typeof w.gradient === "object" ? (w.gradient as Wire) : null;
  const hex = (v: unknown, fallback: string) =>
    typeof v === "string" && /^#[0-9a-fA-F]{6}$/.test(v) ? v : fallback;
  return {
    image:
      image && typeof image.url === "string"
        ? { url: image.url, alt: optStr(image.alt) ?? "" }
        : null,
    gradient: g
      ? `linear-gradient(${num(g.angle, 135)}deg, ${hex(g.from, "#6b7fe6")}, ${hex(g.to, "#8a5cc0")})`
      : null,
  };
}

function toSlide(value: unknown): Slide {
  const w = obj(value, "slide");
  return {
    id: str(w.id, "slide.id"),
    title: str(w.title, "slide.title"),
    subtitle: optStr(w.subtitle) ?? "",
    cta: toCta(w.cta),
    visual: toVisual(w.visual),
  };
}

/** Maps one component; unknown types and hidden components give null (left out). */
export function toHomeComponent(value: unknown): HomeComponent | null {
  const w = obj(value, "component");
  if (w.visible === false || !w.data) return null;
  const d = obj(w.data, "component.data");
  const base = { id: str(w.id, "component.id"), title: optStr(w.title) ?? "" };
  switch (w.type) {
    case "banner":
      return {
        ...base,
        type: "banner",
        data: { autoplayMs: num(d.autoplayMs, 5000), slides: arr(d.slides).map(toSlide) },
      };
    case "categories":
      return {
        ...base,
        type: "categories",
        data: { items: arr(d.items).map(toCategory), seeAllHref: optStr(d.seeAllHref) },
      };
    case "featuredProducts":
    case "newArrivals":
      return {
        ...base,
        type: w.type,
        data: { items: arr(d.items).map(toProductSummary), seeAllHref: optStr(d.seeAllHref) },
      };
    case "promotion":
      return {
        ...base,
        type: "promotion",
        data: {
          subtitle: optStr(d.subtitle) ?? "",
          badge: optStr(d.badge),
          cta: toCta(d.cta),
          visual: toVisual(d.visual),
          endsAt: optStr(d.endsAt),
        },
      };
    case "reviews":
      return { ...base, type: "reviews", data: { items: arr(d.items).map(toReview) } };
    default:
      return null;
  }
}

export function toHome(value: unknown): HomeView {
  const w = obj(value, "home");
  const components: HomeComponent[] = [];
  for (const item of arr(w.components)) {
    try {
      const component = toHomeComponent(item);
      if (component) components.push(component);
    } catch {
      // One malformed component must not take the page down; it is skipped like a degraded one.
    }
  }
  return {
    components,
    degraded: arr(w.degraded).filter((x): x is string => typeof x === "string"),
  };
}

/** `GET /api/home` through the gateway (cached there for 300 s). */
export function getHome(t: Transport): Promise<HomeView> {
  return request(t, "/api/home", {}, toHome);
}
