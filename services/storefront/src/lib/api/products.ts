/** Products: wire → storefront mapping, the product page, and the admin product calls. */
import { request, type Transport } from "./http";
import {
  arr,
  bool,
  num,
  obj,
  optNum,
  optStr,
  productKey,
  str,
  toPage,
  type Page,
  type Wire,
} from "./wire";
import { toCategory, type Category } from "./categories";
import { toReview, type Review } from "./reviews";

export interface Swatch {
  value: string;
  label: string;
  hex: string | null;
}

export interface ProductSummary {
  id: string;
  slug: string;
  name: string;
  brand: string;
  categoryId: string;
  /** Selling price, integer KRW. */
  price: number;
  /** Price before discount (null or equal to price when there is none). */
  originalPrice: number | null;
  /** Whole percent, 0 when not discounted. */
  discountPercent: number;
  rating: number;
  reviewCount: number;
  isNew: boolean;
  isFeatured: boolean;
  imageUrl: string | null;
  colours: Swatch[];
  stock: number;
  /** A line of description for cards, when the answer carries one. */
  blurb: string | null;
}

export interface ProductOption {
  id: string;
  type: "colour" | "size" | "other";
  value: string;
  label: string;
  hex: string | null;
  extraPrice: number;
  stock: number;
}

export interface ProductImage {
  id: string;
  url: string;
  width: number | null;
  height: number | null;
}

export interface ProductDetail extends ProductSummary {
  description: string;
  options: ProductOption[];
  images: ProductImage[];
  category: Category | null;
  status: string;
}

export interface RatingSummary {
  average: number;
  count: number;
  /** Reviews per star, index 0 = 1 star … index 4 = 5 stars. */
  distribution: [number, number, number, number, number];
}

export interface ProductPageView {
  product: ProductDetail;
  options: ProductOption[];
  images: ProductImage[];
  rating: RatingSummary;
  reviews: Review[];
  related: ProductSummary[];
  degraded: string[];
}

/** Whole discount percent from the two prices (the wire's own rate may be a fraction or a percent). */
export function discountPercent(price: number, originalPrice: number | null): number {
  if (!originalPrice || originalPrice <= price) return 0;
  return Math.round((1 - price / originalPrice) * 100);
}

export function toSwatch(value: unknown): Swatch {
  const w = obj(value, "colour");
  const v = str(w.value ?? w.label, "colour.value");
  return { value: v, label: optStr(w.label) ?? v, hex: optStr(w.hex ?? w.colourHex) };
}

export function toProductSummary(value: unknown): ProductSummary {
  const w = obj(value, "product");
  const price = num(w.price);
  const original = optNum(w.originalPrice);
  const id = str(w.id, "product.id");
  return {
    id,
    slug: productKey(id, w.slug),
    name: str(w.name, "product.name"),
    brand: optStr(w.brand) ?? "",
    categoryId: optStr(w.categoryId) ?? "",
    price,
    originalPrice: original !== null && original > price ? original : null,
    discountPercent: discountPercent(price, original),
    rating: Math.round(num(w.ratingAverage ?? w.rating) * 10) / 10,
    reviewCount: num(w.reviewCount),
    isNew: bool(w.isNew),
    isFeatured: bool(w.isFeatured),
    imageUrl: optStr(w.mainImageUrl ?? w.imageUrl),
    colours: arr(w.colours).map(toSwatch),
    stock: num(w.stock),
    blurb: firstLine(optStr(w.shortDescription ?? w.description)),
  };
}

function firstLine(text: string | null): string | null {
  if (!text) return null;
  const line = text.split("\n")[0]?.trim() ?? "";
  return line || null;
}

export function toOption(value: unknown): ProductOption {
  const w = obj(value, "option");
  const type =
    w.type === "colour" || w.type === "color" ? "colour" : w.type === "size" ? "size" : "other";
  const v = str(w.value, "option.value");
  return {
    id: str(w.id, "option.id"),
    type,
    value: v,
    label: optStr(w.label) ?? v,
    hex: optStr(w.colourHex ?? w.hex),
    extraPrice: num(w.extraPrice),
    stock: num(w.stock),
  };
}

export function toImage(value: unknown): ProductImage {
  const w = obj(value, "image");
  return {
    id: str(w.id ?? w.url, "image.id"),
    url: str(w.url, "image.url"),
    width: optNum(w.width),
    height: optNum(w.height),
  };
}

export function toProductDetail(value: unknown): ProductDetail {
  const w = obj(value, "product");
  return {
    ...toProductSummary(w),
    description: optStr(w.description) ?? "",
    options: arr(w.options).map(toOption),
    images: arr(w.images).map(toImage),
    category: w.category ? toCategory(w.category) : null,
    status: optStr(w.status) ?? "active",
  };
}

export function toRatingSummary(
  value: unknown,
  fallback: { average: number; count: number },
): RatingSummary {
  const w = (value && typeof value === "object" ? value : {}) as Wire;
  const d = (w.distribution && typeof w.distribution === "object" ? w.distribution : {}) as Wire;
  return {
    average: Math.round(num(w.average, fallback.average) * 10) / 10,
    count: num(w.count, fallback.count),
    distribution: [num(d["1"]), num(d["2"]), num(d["3"]), num(d["4"]), num(d["5"])],
  };
}

export function toProductPage(value: unknown): ProductPageView {
  const w = obj(value, "product page");
  const product = toProductDetail(w.product);
  const options = w.options ? arr(w.options).map(toOption) : product.options;
  const images = w.images ? arr(w.images).map(toImage) : product.images;
  return {
    product,
    options,
    images,
    rating: toRatingSummary(w.rating, { average: product.rating, count: product.reviewCount }),
    reviews: arr(w.reviews).map(toReview),
    related: arr(w.related).map(toProductSummary),
    degraded: arr(w.degraded).filter((x): x is string => typeof x === "string"),
  };
}

/** `GET /api/products/:idOrSlug` (BFF): everything the product page shows. */
export function getProductPage(t: Transport, idOrSlug: string): Promise<ProductPageView> {
  return request(t, `/api/products/${encodeURIComponent(idOrSlug)}`, {}, toProductPage);
}

/** `GET /api/v1/products` (product service): a plain list, used by the admin table. */
export function listProducts(
  t: Transport,
  query: {
    page?: number;
    limit?: number;
    q?: string;
    category?: string;
    sort?: string;
    status?: string;
  },
): Promise<Page<ProductSummary>> {
  return request(t, "/api/v1/products", { query }, (wire) => toPage(wire, toProductSummary));
}

/** `GET /api/v1/products/:id` (product service): the product as the admin edits it. */
export function getProduct(t: Transport, idOrSlug: string): Promise<ProductDetail> {
  return request(t, `/api/v1/products/${encodeURIComponent(idOrSlug)}`, {}, toProductDetail);
}

/** `POST /api/products` (BFF, admin): multipart fields + `images` files → the created product. */
export function createProduct(t: Transport, form: FormData): Promise<ProductDetail> {
  return request(t, "/api/products", { method: "POST", form }, (wire) => {
    const w = obj(wire, "created product");
    return toProductDetail(w.product ?? w);
  });
}

export interface ProductUpdate {
  name?: string;
  description?: string;
  brand?: string;
  categoryId?: string;
  price?: number;
  originalPrice?: number;
  stock?: number;
  isNew?: boolean;
  isFeatured?: boolean;
  status?: "active" | "draft" | "archived";
  /** Replaces the image list and its order (the first is the main image). */
  imageIds?: string[];
}

/** `PUT /api/v1/products/:id` (admin). */
export function updateProduct(
  t: Transport,
  id: string,
  update: ProductUpdate,
): Promise<ProductDetail> {
  return request(
    t,
    `/api/v1/products/${encodeURIComponent(id)}`,
    { method: "PUT", json: update },
    toProductDetail,
  );
}

/** `DELETE /api/v1/products/:id` (admin; soft delete). */
export function deleteProduct(t: Transport, id: string): Promise<void> {
  return request(
    t,
    `/api/v1/products/${encodeURIComponent(id)}`,
    { method: "DELETE" },
    () => undefined,
  );
}

/** `GET /api/v1/products?ids=…` (batch read, in the order given; at most 100). */
export function getProductsByIds(t: Transport, ids: string[]): Promise<ProductSummary[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return request(
    t,
    "/api/v1/products",
    { query: { ids: ids.slice(0, 100).join(",") } },
    (wire) => toPage(wire, toProductSummary).items,
  );
}

/** `POST /api/v1/images` (admin, multipart `images`): uploaded image ids for a product's `imageIds`. */
export function uploadImages(t: Transport, form: FormData): Promise<ProductImage[]> {
  return request(t, "/api/v1/images", { method: "POST", form }, (wire) => {
    const list = Array.isArray(wire) ? wire : obj(wire, "uploaded images").items;
    return arr(list).map(toImage);
  });
}
