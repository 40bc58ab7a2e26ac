import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link without viewport prefetching by default: every page here renders per request, so
 * prefetching each visible link (16 product cards, 8 categories, the tabs…) cost the server a
 * render per link and the phone a parse per answer during first load. Pass `prefetch` to opt in.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
