// Generated from services/gateway/gateway.yaml by services/gateway/src/gateway-file/route-policies.ts
// (`node --import tsx services/gateway/src/gateway-file/route-policies.ts --write`); do not edit.
import type { ApiRoutePolicy } from "./api-routes.ts";

/** The gateway's routes in match order: path pattern, methods and who may call. */
export const API_ROUTE_POLICIES: readonly ApiRoutePolicy[] = [
  { path: "/.well-known/jwks.json", methods: ["GET"], policy: "public" },
  { path: "/api/auth/login", methods: ["POST"], policy: "public" },
  { path: "/api/auth/register", methods: ["POST"], policy: "public" },
  { path: "/api/auth/*", methods: ["GET","POST"], policy: "public" },
  { path: "/api/members", methods: ["POST"], policy: "customer" },
  { path: "/api/members/*", methods: ["GET","POST","PUT","PATCH","DELETE"], policy: "customer" },
  { path: "/api/home", methods: ["GET"], policy: "public" },
  { path: "/api/categories", methods: ["GET"], policy: "public" },
  { path: "/api/products/:idOrSlug", methods: ["GET"], policy: "public" },
  { path: "/api/products", methods: ["POST"], policy: "admin" },
  { path: "/api/v1/*", methods: ["GET"], policy: "public" },
  { path: "/api/v1/products/:id/reviews", methods: ["POST"], policy: "customer" },
  { path: "/api/v1/images", methods: ["POST"], policy: "admin" },
  { path: "/api/v1/products/:id/images", methods: ["POST"], policy: "admin" },
  { path: "/api/v1/*", methods: ["POST","PUT","PATCH","DELETE"], policy: "admin" },
  { path: "/images/*", methods: ["GET"], policy: "public" },
  { path: "/api/cart/*", methods: ["GET","POST","PUT","PATCH","DELETE"], policy: "guest" },
  { path: "/api/checkout", methods: ["POST"], policy: "guest" },
  { path: "/api/checkout/*", methods: ["GET","POST"], policy: "guest" },
  { path: "/api/orders/*", methods: ["GET","POST"], policy: "guest" },
  { path: "/api/admin/platform", methods: ["GET"], policy: "admin" },
  { path: "/api/admin/*", methods: ["GET","POST","PUT","PATCH","DELETE"], policy: "admin" },
  { path: "/api/payments/webhooks/*", methods: ["POST"], policy: "public" },
];
