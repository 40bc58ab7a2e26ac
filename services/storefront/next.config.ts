/**
 * Next.js configuration. Nothing here depends on the environment: it is fixed at build time,
 * while upstream URLs are runtime settings (src/config.ts). Product images are served by the
 * route handler app/images/[...key].
 */
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
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
