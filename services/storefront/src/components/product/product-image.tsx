import Image from "next/image";
import { imageSource } from "@/lib/images";

/** A square product image through next/image (sized container, so no layout shift). */
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
      preload={preload}
      className="object-cover"
    />
  );
}
