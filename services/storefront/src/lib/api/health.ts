/** Readiness of the storefront's upstreams: the gateway and the auth service answer `/health`. */
import { config } from "@/config";

export type Probe = "up" | "down";

async function probe(url: string): Promise<Probe> {
  try {
    const response = await fetch(url, { cache: "no-store", signal: AbortSignal.timeout(2_000) });
    return response.ok ? "up" : "down";
  } catch {
    return "down";
  }
}

export async function upstreamHealth(): Promise<{ gateway: Probe; auth: Probe }> {
  const { GATEWAY_URL, AUTH_URL } = config();
  const [gateway, auth] = await Promise.all([
    probe(`${GATEWAY_URL}/health`),
    probe(`${AUTH_URL}/health`),
  ]);
  return { gateway, auth };
}
