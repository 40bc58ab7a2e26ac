import Image from "next/image";
import { imageSource } from "@/lib/images";

/**
 * A square product image through next/image (sized container, so no layout shift). `preload`
 * marks above-the-fold images: loaded eagerly with high fetch priority (they are the home's LCP).
 */
export function ProductImage({
  url,
  alt,
  sizes,
  preload = false,
}: {
  url: string | null;
  alt: string;
  sizes: string;
  preload?: boolean;
}) {
  const { src, unoptimized } = imageSource(url);
  return (
    <Image
      src={src}
      alt={alt}
      fill
      sizes={sizes}
      unoptimized={unoptimized}
      loading={preload ? "eager" : "lazy"}
      fetchPriority={preload ? "high" : undefined}
      className="object-cover"
    />
  );
}
