/** Cache-Control for UI answers: complete pages are shared-cacheable, partial ones are not. */
import type { FastifyReply } from "fastify";

export const DEGRADED_HEADER = "x-degraded";

/** Lets the gateway's shared cache keep the answer for `seconds`; browsers revalidate. */
export function cacheFor(reply: FastifyReply, seconds: number): void {
  void reply.header("cache-control", `public, s-maxage=${Math.max(0, Math.floor(seconds))}`);
}

/** A partial answer: say what is missing and keep every cache from storing it. */
export function markDegraded(reply: FastifyReply, missing: string[]): void {
  void reply.header(DEGRADED_HEADER, missing.join(", ")).header("cache-control", "no-store");
}
