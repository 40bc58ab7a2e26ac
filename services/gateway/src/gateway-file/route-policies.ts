/**
 * Publishes who may call each API route, as gateway.yaml declares it, for the edge proxy (which
 * starts a guest session only for calls that need an identity). Writes
 * `packages/contracts/src/api-route-policies.ts`:
 * `node --import tsx services/gateway/src/gateway-file/route-policies.ts --write`; the gateway's
 * tests fail when the published table is stale.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadGatewayFile } from "./load.js";
import type { GatewayFile } from "./schema.js";

export const gatewayFilePath = fileURLToPath(new URL("../../gateway.yaml", import.meta.url));
export const policiesPath = fileURLToPath(
  new URL("../../../../packages/contracts/src/api-route-policies.ts", import.meta.url),
);

export function renderRoutePolicies(file: GatewayFile): string {
  const rows = file.routes.map(
    (route) =>
      `  { path: ${JSON.stringify(route.path)}, methods: ${JSON.stringify(route.methods)}, policy: ${JSON.stringify(route.policy)} },`,
  );
  return [
    "// Generated from services/gateway/gateway.yaml by services/gateway/src/gateway-file/route-policies.ts",
    "// (`node --import tsx services/gateway/src/gateway-file/route-policies.ts --write`); do not edit.",
    'import type { ApiRoutePolicy } from "./api-routes.ts";',
    "",
    "/** The gateway's routes in match order: path pattern, methods and who may call. */",
    "export const API_ROUTE_POLICIES: readonly ApiRoutePolicy[] = [",
    ...rows,
    "];",
    "",
  ].join("\n");
}

if (process.argv.includes("--write")) {
  writeFileSync(policiesPath, renderRoutePolicies(loadGatewayFile(gatewayFilePath)));
}
