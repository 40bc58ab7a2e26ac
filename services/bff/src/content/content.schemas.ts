/**
 * The home page's own content (banners, promotions, which sections show and in which order),
 * kept in a versioned file the platform owns and validated at start.
 */
import { Cta, Href, Schedule, Slide, Visual } from "@shop/contracts";
import { z } from "zod";

const Instant = z.iso.datetime({ offset: true });

const Base = {
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, "must be a short identifier"),
  title: z.string().min(1).max(80),
  visible: z.boolean().default(true),
};

const ProductRail = {
  ...Base,
  limit: z.number().int().min(1).max(24).default(8),
  seeAllHref: Href.optional(),
};

export const ComponentConfig = z.discriminatedUnion("type", [
  z.object({
    ...Base,
    type: z.literal("banner"),
    autoplayMs: z.number().int().min(0).default(5000),
    slides: z.array(Slide).min(1),
  }),
  z.object({ ...Base, type: z.literal("categories"), seeAllHref: Href.optional() }),
  z.object({ ...ProductRail, type: z.literal("featuredProducts") }),
  z.object({ ...ProductRail, type: z.literal("newArrivals") }),
  z.object({
    ...Base,
    type: z.literal("promotion"),
    subtitle: z.string().max(200).default(""),
    badge: z.string().max(20).optional(),
    cta: Cta,
    visual: Visual,
    ...Schedule,
  }),
  z.object({
    ...Base,
    type: z.literal("reviews"),
    limit: z.number().int().min(1).max(20).default(6),
    minRating: z.number().int().min(1).max(5).default(4),
  }),
]);
export type ComponentConfig = z.infer<typeof ComponentConfig>;
export type ComponentType = ComponentConfig["type"];

export const HomeContent = z
  .object({
    /** Bumped on every edit; echoed as `contentVersion` in `/api/home`. */
    version: z.number().int().min(1),
    updatedAt: Instant,
    components: z.array(ComponentConfig).min(1),
  })
  .superRefine((content, ctx) => {
    const seen = new Set<string>();
    content.components.forEach((component, index) => {
      if (seen.has(component.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["components", index, "id"],
          message: `duplicate id '${component.id}'`,
        });
      }
      seen.add(component.id);
      const windows =
        component.type === "banner"
          ? component.slides
          : component.type === "promotion"
            ? [component]
            : [];
      windows.forEach((w) => {
        if (w.startsAt && w.endsAt && Date.parse(w.startsAt) >= Date.parse(w.endsAt)) {
          ctx.addIssue({
            code: "custom",
            path: ["components", index, "endsAt"],
            message: "endsAt must be after startsAt",
          });
        }
      });
    });
  });
export type HomeContent = z.infer<typeof HomeContent>;
