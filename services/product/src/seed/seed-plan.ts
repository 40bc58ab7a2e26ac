/**
 * Builds the seed rows from the data files: deterministic ids (name-based uuids), stocks, sales,
 * reviews and rating aggregates from a fixed-seed random generator, so every start seeds the same.
 */
import { createHash } from "node:crypto";
import {
  categories,
  palette,
  reviewerNames,
  reviewTexts,
  sizePresets,
  type Shape,
} from "./catalogue-data.js";
import { productRows } from "./products-data.js";

const BASE_TIME = Date.parse("2025-06-01T00:00:00Z");
const HOUR = 3_600_000;

/** A name-based (version 5 style) uuid: the same name always gives the same id. */
export function seedUuid(name: string): string {
  const hash = createHash("sha1").update(`shop-product-seed:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** mulberry32: a tiny deterministic PRNG. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PlannedImage {
  id: string;
  productId: string;
  shape: Shape;
  colour: string;
  variant: number;
  sortOrder: number;
}

export interface SeedPlan {
  categories: Array<{
    id: string;
    name: string;
    slug: string;
    iconCode: string;
    sortOrder: number;
  }>;
  products: Array<Record<string, unknown> & { id: string; stock: number }>;
  options: Array<Record<string, unknown>>;
  images: PlannedImage[];
  reviews: Array<Record<string, unknown>>;
}

/** Splits `total` over `parts` options, the remainder going to the first ones. */
function split(total: number, parts: number): number[] {
  return Array.from(
    { length: parts },
    (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0),
  );
}

type Row = (typeof productRows)[number];
type PlannedCategory = (typeof categories)[number] & { id: string; index: number };

export function buildSeedPlan(): SeedPlan {
  const rng = random(20250601);
  const plan: SeedPlan = { categories: [], products: [], options: [], images: [], reviews: [] };
  const categoryBySlug = new Map(
    categories.map((c, i) => [c.slug, { ...c, id: seedUuid(`category:${c.slug}`), index: i }]),
  );
  for (const c of categoryBySlug.values()) {
    plan.categories.push({
      id: c.id,
      name: c.name,
      slug: c.slug,
      iconCode: c.iconCode,
      sortOrder: (c.index + 1) * 10,
    });
  }
  productRows.forEach((row, i) => planProduct(plan, row, i, categoryBySlug.get(row[0])!, rng));
  return plan;
}

function planProduct(
  plan: SeedPlan,
  row: Row,
  i: number,
  category: PlannedCategory,
  rng: () => number,
): void {
  const [, name, slug, brand, price, original, colours, flags, description] = row;
  const id = seedUuid(`product:${slug}`);
  const isNew = flags.includes("n");
  const isFeatured = flags.includes("f");
  const stock = flags.includes("0") ? 0 : 30 + Math.round(rng() * 17) * 10;
  const createdAt = new Date(BASE_TIME + i * 6 * HOUR + (isNew ? 60 * 24 * HOUR : 0));
  planOptions(
    plan,
    id,
    slug,
    colours,
    flags.includes("s") ? [] : sizePresets[category.sizes],
    stock,
  );
  colours.slice(0, 2).forEach((key, sortOrder) => {
    plan.images.push({
      id: seedUuid(`image:${slug}:${sortOrder}`),
      productId: id,
      shape: category.shape,
      colour: palette[key].hex,
      variant: i % 4,
      sortOrder,
    });
  });
  const { reviewCount, ratingTotal } = planReviews(plan, id, slug, i, createdAt, rng);
  plan.products.push({
    id,
    name,
    slug,
    description,
    brand,
    categoryId: category.id,
    price,
    originalPrice: original || price,
    stock,
    ratingTotal,
    reviewCount,
    ratingAverage: Math.round((ratingTotal / reviewCount) * 100) / 100,
    salesCount: Math.floor(rng() * 800) + (isFeatured ? 200 : 0),
    isNew,
    isFeatured,
    status: "active",
    createdAt,
    updatedAt: createdAt,
  });
}

function planOptions(
  plan: SeedPlan,
  productId: string,
  slug: string,
  colours: Row[6],
  sizes: Array<{ value: string; label: string; extraPrice: number }>,
  stock: number,
): void {
  colours.forEach((key, index) => {
    plan.options.push({
      id: seedUuid(`option:${slug}:colour:${key}`),
      productId,
      type: "colour",
      value: key,
      label: palette[key].label,
      colourHex: palette[key].hex,
      extraPrice: 0,
      stock: split(stock, colours.length)[index],
      sortOrder: index,
    });
  });
  sizes.forEach((size, index) => {
    plan.options.push({
      id: seedUuid(`option:${slug}:size:${size.value}`),
      productId,
      type: "size",
      value: size.value,
      label: size.label,
      colourHex: null,
      extraPrice: size.extraPrice,
      stock: split(stock, sizes.length)[index],
      sortOrder: colours.length + index,
    });
  });
}

function planReviews(
  plan: SeedPlan,
  productId: string,
  slug: string,
  i: number,
  createdAt: Date,
  rng: () => number,
) {
  const reviewCount = 2 + Math.floor(rng() * 4);
  let ratingTotal = 0;
  for (let j = 0; j < reviewCount; j++) {
    const roll = rng();
    const rating = roll < 0.55 ? 5 : roll < 0.85 ? 4 : roll < 0.95 ? 3 : 2;
    const pool = rating >= 4 ? reviewTexts.high : rating === 3 ? reviewTexts.mid : reviewTexts.low;
    const reviewer = (i * 5 + j) % reviewerNames.length;
    const at = new Date(createdAt.getTime() + (j + 1) * 26 * HOUR);
    ratingTotal += rating;
    plan.reviews.push({
      id: seedUuid(`review:${slug}:${j}`),
      productId,
      memberId: seedUuid(`member:${reviewer}`),
      authorName: reviewerNames[reviewer],
      rating,
      text: pool[Math.floor(rng() * pool.length)],
      createdAt: at,
      updatedAt: at,
    });
  }
  return { reviewCount, ratingTotal };
}
