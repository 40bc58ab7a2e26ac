/**
 * Next.js configuration, fixed at build time: upstream URLs are runtime settings (src/config.ts),
 * and product images are served by the route handler app/images/[...key]. The Docker build sets
 * NEXT_OUTPUT=standalone for a self-contained server; `next start` (the launcher) needs none.
 */
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A second build folder for a developer's own manual stack, so it never replaces the build the
  // launcher's stack is serving (`.next/cache/…` survives the default build's clean-up).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // forbidden() for admin pages opened by customers (403 page).
    authInterrupts: true,
  },
  images: {
    // Product images are relative `/images/<key>` files (product service via the gateway); keys are
    // unique per upload, so optimised variants can be cached for long.
    localPatterns: [{ pathname: "/images/**", search: "" }],
    formats: ["image/avif", "image/webp"],
    qualities: [75],
    deviceSizes: [640, 828, 1080],
    imageSizes: [64, 128, 256, 384],
    minimumCacheTTL: 60 * 60 * 24 * 30,
    maximumResponseBody: 6_000_000,
  },
};

export default nextConfig;
