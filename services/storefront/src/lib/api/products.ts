/** Products: contract → storefront mapping, the product page, and the admin product calls. */
import {
  ProductDetail as ProductDetailWire,
  ProductPage as ProductPageWire,
  ProductPageData,
  ProductSummary as ProductSummaryWire,
  UploadedImages,
  type ColourSwatch,
  type OptionType,
  type ProductImage as ProductImageWire,
  type ProductOption as ProductOptionWire,
  type ProductUpdate as ProductUpdateBody,
  type RatingSummary as RatingSummaryWire,
  type UploadedImage,
} from "@shop/contracts";
import type { z } from "zod";
import { request, type Transport } from "./http";
import { mapPage, parseWith, productKey, type Page } from "./wire";
import { categoryView, type Category } from "./categories";
import { reviewView, type Review } from "./reviews";

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
  type: OptionType;
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

/** Whole discount percent from the two prices. */
export function discountPercent(price: number, originalPrice: number | null): number {
  if (!originalPrice || originalPrice <= price) return 0;
  return Math.round((1 - price / originalPrice) * 100);
}

function swatchView(wire: ColourSwatch): Swatch {
  return { value: wire.value, label: wire.label, hex: wire.hex };
}

export function summaryView(wire: ProductSummaryWire): ProductSummary {
  return {
    id: wire.id,
    slug: productKey(wire.id, wire.slug),
    name: wire.name,
    brand: wire.brand,
    categoryId: wire.categoryId,
    price: wire.price,
    originalPrice: wire.originalPrice > wire.price ? wire.originalPrice : null,
    discountPercent: discountPercent(wire.price, wire.originalPrice),
    rating: Math.round(wire.ratingAverage * 10) / 10,
    reviewCount: wire.reviewCount,
    isNew: wire.isNew,
    isFeatured: wire.isFeatured,
    imageUrl: wire.mainImageUrl,
    colours: wire.colours.map(swatchView),
    stock: wire.stock,
    blurb: null,
  };
}

function firstLine(text: string): string | null {
  return text.split("\n")[0]?.trim() || null;
}

function optionView(wire: ProductOptionWire): ProductOption {
  return {
    id: wire.id,
    type: wire.type,
    value: wire.value,
    label: wire.label,
    hex: wire.hex,
    extraPrice: wire.extraPrice,
    stock: wire.stock,
  };
}

function imageView(wire: Pick<ProductImageWire, "id" | "url" | "width" | "height">): ProductImage {
  return { id: wire.id, url: wire.url, width: wire.width, height: wire.height };
}

function detailView(wire: ProductDetailWire): ProductDetail {
  return {
    ...summaryView(wire),
    blurb: firstLine(wire.description),
    description: wire.description,
    options: wire.options.map(optionView),
    images: wire.images.map(imageView),
    category: categoryView(wire.category),
    status: wire.status,
  };
}

function ratingView(wire: RatingSummaryWire): RatingSummary {
  const d = wire.distribution;
  return {
    average: Math.round(wire.average * 10) / 10,
    count: wire.count,
    distribution: [d[1], d[2], d[3], d[4], d[5]],
  };
}

function productPageView(wire: ProductPageData): ProductPageView {
  return {
    product: detailView(wire.product),
    options: wire.options.map(optionView),
    images: wire.images.map(imageView),
    rating: ratingView(wire.rating),
    reviews: wire.reviews.map(reviewView),
    related: wire.related.map(summaryView),
    degraded: wire.degraded,
  };
}

export const toProductSummary = parseWith(ProductSummaryWire, summaryView, "product");
export const toProductPage = parseWith(ProductPageData, productPageView, "product page");
const productDetail = parseWith(ProductDetailWire, detailView, "product");
const summaryPage = parseWith(ProductPageWire, (page) => mapPage(page, summaryView), "products");

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
  return request(t, "/api/v1/products", { query }, summaryPage);
}

/** `GET /api/v1/products/:id` (product service): the product as the admin edits it. */
export function getProduct(t: Transport, idOrSlug: string): Promise<ProductDetail> {
  return request(t, `/api/v1/products/${encodeURIComponent(idOrSlug)}`, {}, productDetail);
}

/** `POST /api/products` (BFF, admin): multipart fields + `images` files → the created product. */
export function createProduct(t: Transport, form: FormData): Promise<ProductDetail> {
  return request(t, "/api/products", { method: "POST", form }, productDetail);
}

/** What an admin may change (every field optional), as the product service validates it. */
export type ProductUpdate = z.input<typeof ProductUpdateBody>;

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
    productDetail,
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
    (wire) => summaryPage(wire).items,
  );
}

/** `POST /api/v1/images` (admin, multipart `images`): uploaded image ids for a product's `imageIds`. */
export function uploadImages(t: Transport, form: FormData): Promise<ProductImage[]> {
  return request(
    t,
    "/api/v1/images",
    { method: "POST", form },
    parseWith(UploadedImages, (body) => body.items.map((image: UploadedImage) => imageView(image))),
  );
}
