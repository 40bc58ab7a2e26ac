/**
 * Which API calls need an identity, read from the gateway's own route table (gateway.yaml,
 * published in @shop/contracts): every route whose policy is not `public`. A visitor without a
 * session calling one gets a guest session lazily; public calls (catalogue reads, sign-in, the
 * payment provider's webhooks) never start one, and neither do paths no route serves (the gateway
 * answers them 404; probing them must not mint sessions).
 */
import { apiRoutePolicy } from "@shop/contracts";

export function needsIdentity(method: string, path: string): boolean {
  if (method.toUpperCase() === "OPTIONS") return false;
  const policy = apiRoutePolicy(method, path);
  return policy !== undefined && policy !== "public";
}
