import type { Metadata } from "next";
import { productPage } from "@/lib/catalog-data";
import { PageHeader } from "@/components/layout/page-header";
import { Gallery } from "@/components/product/gallery";
import { Price } from "@/components/product/price";
import { RatingBadge } from "@/components/product/stars";
import { WishlistHeart } from "@/components/product/wishlist-heart";
import { AddToCart } from "@/components/product/add-to-cart";
import { RatingSummary } from "@/components/product/rating-summary";
import { ReviewForm } from "@/components/product/review-form";
import { ReviewList } from "@/components/home/review-list";
import { ProductRail } from "@/components/home/product-rail";
import { SectionHeader } from "@/components/ui/section-header";
import { ProductJsonLd } from "@/components/product/product-json-ld";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { product } = await productPage((await params).slug);
  const description = (product.description || `${product.brand} ${product.name}`).slice(0, 150);
  return {
    title: product.name,
    description,
    alternates: { canonical: `/products/${product.slug}` },
    openGraph: {
      title: product.name,
      description,
      images: product.imageUrl?.startsWith("/") ? [product.imageUrl] : [],
    },
  };
}

export default async function ProductPage({ params }: Props) {
  const { slug } = await params;
  const view = await productPage(slug);
  const { product } = view;
  const back = product.category
    ? { href: `/categories/${product.category.slug}`, label: product.category.name }
    : { href: "/", label: "홈" };
  return (
    <>
      <PageHeader title={product.name} back={back} />
      <ProductJsonLd view={view} />
      <Gallery images={view.images} name={product.name} />
      <div className="flex flex-col gap-3 px-4 pt-4">
        <div className="flex items-start justify-between gap-3">
          <div>
            <p className="text-sm text-muted">{product.brand}</p>
            <h2 className="text-xl font-bold">{product.name}</h2>
          </div>
          <WishlistHeart
            productId={product.id}
            productName={product.name}
            className="border border-slate-200"
          />
        </div>
        <div className="flex items-center gap-2">
          {product.discountPercent > 0 ? (
            <span className="text-2xl font-bold text-sale">{product.discountPercent}%</span>
          ) : null}
          <Price price={product.price} originalPrice={product.originalPrice} size="lg" />
        </div>
        {product.reviewCount > 0 ? (
          <RatingBadge rating={product.rating} count={product.reviewCount} />
        ) : null}
        <AddToCart
          productId={product.id}
          price={product.price}
          stock={product.stock}
          options={view.options}
        />
        {product.description ? (
          <p className="whitespace-pre-line pt-2 text-[15px] leading-relaxed text-slate-700">
            {product.description}
          </p>
        ) : null}
      </div>
      <section
        aria-labelledby="reviews-title"
        className="mt-8 flex flex-col gap-4 border-t border-slate-100 pt-6"
      >
        <SectionHeader id="reviews-title" title="리뷰" />
        {view.rating.count > 0 ? (
          <RatingSummary rating={view.rating} />
        ) : (
          <p className="px-4 text-sm text-muted">아직 리뷰가 없어요.</p>
        )}
        {view.reviews.length ? <ReviewList reviews={view.reviews} /> : null}
        <ReviewForm productId={product.id} />
      </section>
      {view.related.length ? (
        <section aria-labelledby="related-title" className="mt-8 border-t border-slate-100 pt-6">
          <SectionHeader
            id="related-title"
            title="함께 보면 좋은 상품"
            href={product.category ? `/categories/${product.category.slug}` : null}
          />
          <ProductRail products={view.related} label="관련 상품" />
        </section>
      ) : null}
    </>
  );
}
