import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { apiRoutePolicy } from "@shop/contracts";
import { createRouter } from "../routing/router.js";
import { loadGatewayFile } from "./load.js";
import { gatewayFilePath, policiesPath, renderRoutePolicies } from "./route-policies.js";

const file = loadGatewayFile(gatewayFilePath);

test("the route policies the edge reads are the ones gateway.yaml declares", () => {
  assert.equal(
    readFileSync(policiesPath, "utf8"),
    renderRoutePolicies(file),
    "run: node --import tsx services/gateway/src/gateway-file/route-policies.ts --write",
  );
});

test("the published matcher finds the route the gateway's router finds", () => {
  const router = createRouter(file);
  const samples: Array<[string, string]> = [
    ["GET", "/api/home"],
    ["GET", "/api/products/simple-tee"],
    ["GET", "/api/products/simple-tee/reviews"],
    ["POST", "/api/products"],
    ["GET", "/api/categories"],
    ["GET", "/api/cart"],
    ["POST", "/api/cart/items"],
    ["POST", "/api/checkout"],
    ["GET", "/api/orders/abc"],
    ["POST", "/api/auth/login"],
    ["POST", "/api/auth/refresh"],
    ["GET", "/api/members/me"],
    ["PUT", "/api/members/me/wishlist/p1"],
    ["POST", "/api/payments/webhooks/test"],
    ["GET", "/api/admin/orders"],
    ["GET", "/api/v1/products"],
    ["DELETE", "/api/nothing/here"],
  ];
  for (const [method, path] of samples) {
    const match = router.match(method, path);
    const expected = match.kind === "route" ? match.route.policy : undefined;
    assert.equal(apiRoutePolicy(method, path), expected, `${method} ${path}`);
  }
});
