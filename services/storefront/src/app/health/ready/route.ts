/** `GET /health/ready`: the upstreams the pages need (gateway, auth) answer their health checks. */
import { NextResponse } from "next/server";
import { config } from "@/config";

async function probe(url: string): Promise<"up" | "down"> {
  try {
    const response = await fetch(url, { cache: "no-store", signal: AbortSignal.timeout(2_000) });
    return response.ok ? "up" : "down";
  } catch {
    return "down";
  }
}

export async function GET(): Promise<NextResponse> {
  const { GATEWAY_URL, AUTH_URL } = config();
  const [gateway, auth] = await Promise.all([
    probe(`${GATEWAY_URL}/health`),
    probe(`${AUTH_URL}/health`),
  ]);
  const ready = gateway === "up" && auth === "up";
  return NextResponse.json(
    { status: ready ? "ready" : "not_ready", service: "storefront", checks: { gateway, auth } },
    { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
