import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ApiError } from "./http";
import { toCategoryPage } from "./categories";
import { safeHref, toHome } from "./home";
import { discountPercent, toProductPage, toProductSummary } from "./products";

// Fixtures are whole contract shapes: the mappers parse with @shop/contracts first.
const at = "2026-11-01T00:00:00.000Z";
const category = (id: string, name: string, slug: string, iconCode: string, sortOrder: number) => ({
  id,
  name,
  slug,
  iconCode,
  sortOrder,
  isActive: true,
  productCount: 3,
  createdAt: at,
  updatedAt: at,
});

const summary = {
  id: "11111111-1111-4111-8111-111111111111",
  name: "심플 티셔츠",
  slug: "simple-tee",
  brand: "Moa Basics",
  categoryId: "22222222-2222-4222-8222-222222222221",
  price: 29000,
  originalPrice: 34000,
  discountRate: 14,
  ratingAverage: 4.46,
  reviewCount: 12,
  isNew: true,
  isFeatured: false,
  mainImageUrl: "/images/p/simple-tee-1.webp",
  colours: [
    { value: "black", label: "Black", hex: "#000000" },
    { value: "white", label: "White", hex: null },
  ],
  stock: 7,
  salesCount: 3,
  status: "active",
  createdAt: at,
  updatedAt: at,
};

describe("toProductSummary", () => {
  it("maps the product service's summary into the card's fields", () => {
    const p = toProductSummary(summary);
    assert.equal(p.price, 29000);
    assert.equal(p.originalPrice, 34000);
    assert.equal(p.discountPercent, 15);
    assert.equal(p.rating, 4.5);
    assert.equal(p.imageUrl, "/images/p/simple-tee-1.webp");
    assert.deepEqual(p.colours[1], { value: "white", label: "White", hex: null });
    assert.equal(p.blurb, null);
  });

  it("shows no original price when it is not above the price", () => {
    const p = toProductSummary({ ...summary, originalPrice: 29000 });
    assert.equal(p.originalPrice, null);
    assert.equal(p.discountPercent, 0);
  });

  it("fails loudly (502) when the id is missing, instead of rendering a broken card", () => {
    assert.throws(
      () => toProductSummary({ ...summary, id: undefined }),
      (e: unknown) => e instanceof ApiError && e.status === 502,
    );
  });

  it("links by id when the slug is not URL-safe ASCII (the BFF only accepts those)", () => {
    assert.equal(toProductSummary({ ...summary, slug: "e2e-캔버스-토트" }).slug, summary.id);
    assert.equal(toProductSummary(summary).slug, "simple-tee");
  });

  it("computes the discount from the prices", () => {
    assert.equal(discountPercent(89000, 104706), 15);
    assert.equal(discountPercent(1000, null), 0);
  });
});

describe("toProductPage", () => {
  it("maps the BFF's product page, with the star distribution in order 1…5", () => {
    const view = toProductPage({
      product: {
        ...summary,
        description: "편안한 착용감\n두 번째 줄",
        category: {
          id: "22222222-2222-4222-8222-222222222221",
          name: "의류",
          slug: "clothing",
          iconCode: "shirt",
        },
        options: [],
        images: [],
      },
      options: [
        {
          id: "33333333-3333-4333-8333-333333333331",
          type: "colour",
          value: "black",
          label: "Black",
          hex: "#000000",
          extraPrice: 0,
          stock: 3,
        },
      ],
      images: [
        {
          id: "44444444-4444-4444-8444-444444444441",
          url: "/images/p/1.webp",
          width: 800,
          height: 800,
          sortOrder: 0,
          isMain: true,
        },
      ],
      rating: { average: 4.25, count: 4, distribution: { 1: 0, 2: 0, 3: 1, 4: 1, 5: 2 } },
      reviews: [
        {
          id: "55555555-5555-4555-8555-555555555551",
          productId: summary.id,
          memberId: "m1",
          rating: 5,
          text: "좋아요",
          authorName: "민지",
          createdAt: "2026-11-01T00:00:00Z",
        },
      ],
      related: [summary],
      degraded: ["reviews"],
    });
    assert.equal(view.product.category?.slug, "clothing");
    assert.equal(view.product.blurb, "편안한 착용감");
    assert.equal(view.options[0]?.type, "colour");
    assert.equal(view.options[0]?.hex, "#000000");
    assert.deepEqual(view.rating.distribution, [0, 0, 1, 1, 2]);
    assert.equal(view.rating.average, 4.3);
    assert.equal(view.reviews[0]?.authorName, "민지");
    assert.equal(view.related.length, 1);
    assert.deepEqual(view.degraded, ["reviews"]);
  });
});

describe("toHome", () => {
  const home = {
    contentVersion: 1,
    components: [
      {
        id: "banner",
        type: "banner",
        title: "기획전",
        visible: true,
        data: {
          autoplayMs: 5000,
          slides: [
            {
              id: "s1",
              title: "Winter Sale",
              subtitle: "최대 70%",
              cta: { text: "Shop now", href: "/search?onSale=true" },
              visual: { gradient: { from: "#667eea", to: "#764ba2", angle: 135 } },
            },
          ],
        },
      },
      {
        id: "categories",
        type: "categories",
        title: "Category",
        visible: true,
        data: {
          items: [category("22222222-2222-4222-8222-222222222221", "의류", "clothing", "shirt", 1)],
          seeAllHref: "/categories",
        },
      },
      {
        id: "featuredProducts",
        type: "featuredProducts",
        title: "추천 상품",
        visible: true,
        data: { items: [summary], seeAllHref: null },
      },
      { id: "hidden", type: "promotion", title: "숨김", visible: false, data: null },
      { id: "future", type: "carousel3d", title: "?", visible: true, data: {} },
      {
        id: "broken",
        type: "newArrivals",
        title: "신상품",
        visible: true,
        data: { items: [{ name: "no id" }] },
      },
    ],
    degraded: ["reviews"],
  };

  it("keeps the components it can render, in order, and skips hidden, unknown and malformed ones", () => {
    const view = toHome(home);
    assert.deepEqual(
      view.components.map((c) => c.id),
      ["banner", "categories", "featuredProducts"],
    );
    assert.deepEqual(view.degraded, ["reviews"]);
    const banner = view.components[0];
    assert.ok(banner?.type === "banner");
    assert.equal(
      banner.data.slides[0]?.visual.gradient,
      "linear-gradient(135deg, #667eea, #764ba2)",
    );
  });

  it("only links to site paths and https URLs", () => {
    assert.equal(safeHref("/search?onSale=true"), "/search?onSale=true");
    assert.equal(safeHref("https://example.com/x"), "https://example.com/x");
    assert.equal(safeHref("javascript:alert(1)"), "/");
    assert.equal(safeHref("//evil.example"), "/");
  });
});

describe("toCategoryPage", () => {
  it("maps categories, the selected one and the product page", () => {
    const view = toCategoryPage({
      categories: [category("22222222-2222-4222-8222-222222222222", "신발", "shoes", "shoes", 2)],
      selected: category("22222222-2222-4222-8222-222222222222", "신발", "shoes", "shoes", 2),
      products: { items: [summary], page: 2, limit: 20, total: 41, totalPages: 3 },
      filters: {
        category: "shoes",
        page: 2,
        limit: 20,
        sort: "newest",
        minPrice: null,
        maxPrice: null,
        q: null,
        onSale: null,
        isNew: null,
        featured: null,
      },
    });
    assert.equal(view.selected?.iconCode, "shoes");
    assert.equal(view.products.page, 2);
    assert.equal(view.products.totalPages, 3);
    assert.equal(view.products.items[0]?.slug, "simple-tee");
  });
});
