import type { ProductPageView } from "@/lib/api/products";

/** schema.org Product data for search engines. */
export function ProductJsonLd({ view }: { view: ProductPageView }) {
  const { product, rating } = view;
  const data = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    brand: { "@type": "Brand", name: product.brand },
    description: product.description,
    image: view.images.map((i) => i.url),
    offers: {
      "@type": "Offer",
      priceCurrency: "KRW",
      price: product.price,
      availability:
        product.stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
    },
    ...(rating.count > 0
      ? {
          aggregateRating: {
            "@type": "AggregateRating",
            ratingValue: rating.average,
            reviewCount: rating.count,
          },
        }
      : {}),
  };
  // `<` is escaped so product text can never close the script element.
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
