import { getImageProps } from "next/image";
import { preload as preloadResource } from "react-dom";
import { imageSource } from "@/lib/images";

/**
 * A square product image through Next's optimiser (sized container, so no layout shift). Rendered
 * as a plain <img> from getImageProps, so the many images of a grid add nothing to hydrate.
 * `preload` marks above-the-fold images: loaded eagerly with high fetch priority (the home's LCP).
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
  const { props } = getImageProps({
    src,
    alt,
    fill: true,
    sizes,
    unoptimized,
    loading: preload ? "eager" : "lazy",
    fetchPriority: preload ? "high" : undefined,
    className: "object-cover",
  });
  if (preload && props.srcSet) {
    // Announced in <head>, ahead of the scripts, so the first screen's images are fetched first.
    preloadResource(props.src, {
      as: "image",
      imageSrcSet: props.srcSet,
      imageSizes: sizes,
      fetchPriority: "high",
    });
  }
  return <img {...props} alt={alt} />;
}
