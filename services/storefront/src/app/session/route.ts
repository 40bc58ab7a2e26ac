/**
 * `GET /session`: who the visitor is, for the client after hydration (the shared catalogue HTML
 * never contains it). Never cached; answers `{ user: { id, name, role } | null, hasSession }`.
 */
import { NextResponse } from "next/server";
import { getSession, hasSessionCookie } from "@/lib/session";

export async function GET(): Promise<NextResponse> {
  const [session, hasSession] = await Promise.all([getSession(), hasSessionCookie()]);
  const user =
    session && session.role !== "guest"
      ? { id: session.userId, name: session.name, role: session.role }
      : null;
  return NextResponse.json(
    { user, hasSession: hasSession },
    { headers: { "cache-control": "private, no-store" } },
  );
}
