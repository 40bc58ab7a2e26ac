/**
 * Product image sources for next/image. The catalogue answers relative `/images/<key>` URLs
 * (served by the product service through the gateway; next.config rewrites them), which go
 * through Next's optimiser; anything else is shown as is.
 */

export interface ImageSource {
  src: string;
  /** True when the URL is not ours to optimise. */
  unoptimized: boolean;
}

export const PLACEHOLDER_IMAGE = "/placeholder-product.svg";

export function imageSource(url: string | null | undefined): ImageSource {
  if (!url) return { src: PLACEHOLDER_IMAGE, unoptimized: true };
  if (url.startsWith("/images/")) return { src: url, unoptimized: false };
  try {
    const parsed = new URL(url);
    if (parsed.pathname.startsWith("/images/") && !parsed.search)
      return { src: parsed.pathname, unoptimized: false };
    if (parsed.protocol === "https:") return { src: url, unoptimized: true };
  } catch {
    // not a URL
  }
  return { src: PLACEHOLDER_IMAGE, unoptimized: true };
}
