/**
 * Webhook signatures: `Payment-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`,
 * accepted within a tolerance window so a captured request cannot be replayed later.
 */
import { AppError, safeEqual } from "@shop/platform";
import { createHmac } from "node:crypto";

export const SIGNATURE_HEADER = "payment-signature";

export function sign(
  secret: string,
  body: string | Buffer,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

/** Throws WEBHOOK_SIGNATURE_INVALID (with the reason in the detail) unless the header is valid. */
export function verify(
  secret: string,
  body: Buffer,
  header: string | string[] | undefined,
  toleranceSeconds: number,
  now = Math.floor(Date.now() / 1000),
): void {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) throw invalid("The Payment-Signature header is missing");
  const parts = value.split(",").map((p) => p.trim().split("=", 2) as [string, string | undefined]);
  const timestamp = Number(parts.find(([k]) => k === "t")?.[1]);
  const macs = parts.filter(([k, v]) => k === "v1" && v).map(([, v]) => v as string);
  if (!Number.isInteger(timestamp) || macs.length === 0)
    throw invalid("The Payment-Signature header is malformed");
  if (Math.abs(now - timestamp) > toleranceSeconds)
    throw invalid("The signature timestamp is outside the tolerance");
  const expected = createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex");
  if (!macs.some((mac) => safeEqual(mac, expected)))
    throw invalid("The signature does not match the payload");
}

function invalid(detail: string): AppError {
  return new AppError("WEBHOOK_SIGNATURE_INVALID", detail);
}
