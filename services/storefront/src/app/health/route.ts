/** `GET /health`: the storefront process is up. */
import { NextResponse } from "next/server";

export function GET(): NextResponse {
  return NextResponse.json(
    { status: "ok", service: "storefront" },
    { headers: { "cache-control": "no-store" } },
  );
}
