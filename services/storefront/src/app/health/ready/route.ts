/** `GET /health/ready`: the upstreams the pages need (gateway, auth) answer their health checks. */
import { NextResponse } from "next/server";
import { upstreamHealth } from "@/lib/api/health";

export async function GET(): Promise<NextResponse> {
  const checks = await upstreamHealth();
  const ready = checks.gateway === "up" && checks.auth === "up";
  return NextResponse.json(
    { status: ready ? "ready" : "not_ready", service: "storefront", checks },
    { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
