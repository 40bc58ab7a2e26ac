import type { MetadataRoute } from "next";
import { config } from "@/config";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        disallow: [
          "/account",
          "/cart",
          "/checkout",
          "/orders",
          "/wishlist",
          "/admin",
          "/auth",
          "/session",
        ],
      },
    ],
    host: config().PUBLIC_URL,
  };
}
