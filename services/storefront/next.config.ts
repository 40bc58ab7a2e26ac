/**
 * Next.js configuration, fixed at build time: upstream URLs are runtime settings (src/config.ts),
 * and product images are served by the route handler app/images/[...key]. The Docker build sets
 * NEXT_OUTPUT=standalone for a self-contained server; `next start` (the launcher) needs none.
 */
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
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
    deviceSizes: [480, 640, 828, 1080],
    imageSizes: [96, 160, 220, 320, 384],
    minimumCacheTTL: 60 * 60 * 24 * 30,
    maximumResponseBody: 6_000_000,
  },
};

export default nextConfig;
