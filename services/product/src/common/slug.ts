/** URL slugs: lowercase letters (Hangul allowed), digits and single hyphens; never shaped like a uuid. */
import { randomBytes } from "node:crypto";

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A slug made from a display name (`캐주얼 데님 자켓` → `캐주얼-데님-자켓`). */
export function slugify(name: string, maxLength = 120): string {
  const slug = name
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{Ll}\p{Lo}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
  return slug || "item";
}

/** `slug` with a short random suffix, for a retry after a collision. */
export function withSuffix(slug: string): string {
  return `${slug.slice(0, 110)}-${randomBytes(3).toString("hex")}`;
}

/** True when `value` is a uuid (so `idOrSlug` params can be told apart). */
export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);
