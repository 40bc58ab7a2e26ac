/**
 * Which API calls need an identity. Anything under /api/ does, except the auth routes (they mint
 * sessions themselves), the public catalogue reads and the payment provider's webhooks. A visitor
 * without a session calling one that does gets a guest session lazily.
 */
const READ = new Set(["GET", "HEAD", "OPTIONS"]);
const PUBLIC_ANY_METHOD = ["/api/auth/", "/api/payments/webhooks/"];
const PUBLIC_READS = ["/api/home", "/api/categories", "/api/products/", "/api/v1/"];

export function needsIdentity(method: string, path: string): boolean {
  if (PUBLIC_ANY_METHOD.some((prefix) => path.startsWith(prefix))) return false;
  if (method.toUpperCase() === "OPTIONS") return false;
  if (!READ.has(method.toUpperCase())) return true;
  return !PUBLIC_READS.some((prefix) =>
    prefix.endsWith("/")
      ? path.startsWith(prefix)
      : path === prefix || path.startsWith(`${prefix}/`),
  );
}
