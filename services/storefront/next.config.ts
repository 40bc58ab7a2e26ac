/**
 * Next.js configuration. GATEWAY_URL is read here (as well as in src/config.ts) because rewrites
 * are resolved when the server starts, outside the app's modules.
 */
import type { NextConfig } from "next";

const gateway = (process.env.GATEWAY_URL ?? "http://127.0.0.1:8000").replace(/\/+$/, "");

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
  async rewrites() {
    return [{ source: "/images/:path*", destination: `${gateway}/images/:path*` }];
  },
};

export default nextConfig;
