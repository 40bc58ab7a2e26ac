"use client";

import { useRef, useState } from "react";
import { browserTransport } from "@/lib/api/browser";
import { ApiError } from "@/lib/api/http";
import { checkout, type CheckoutInput, type CheckoutResult } from "@/lib/api/orders";
import { isTransient } from "./checkout-messages";

const RETRIES = 2;

/**
 * Sends the checkout with an Idempotency-Key that stays the same across retries of one submit
 * (network errors, 5xx, "still in progress"), so a retry can never create a second order or charge.
 * A changed form, or a new submit after a definite answer (e.g. declined), gets a new key.
 */
export function useCheckoutSubmit() {
  const attempt = useRef<{ key: string; body: string; settled: boolean } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(input: CheckoutInput): Promise<CheckoutResult> {
    const body = JSON.stringify(input);
    if (!attempt.current || attempt.current.body !== body || attempt.current.settled) {
      attempt.current = { key: crypto.randomUUID(), body, settled: false };
    }
    const current = attempt.current;
    setPending(true);
    try {
      for (let tryNo = 0; ; tryNo++) {
        try {
          const result = await checkout(browserTransport, input, current.key);
          current.settled = true;
          return result;
        } catch (error) {
          const retry = error instanceof ApiError && isTransient(error) && tryNo < RETRIES;
          if (!retry) {
            if (error instanceof ApiError && !isTransient(error)) current.settled = true;
            throw error;
          }
          await new Promise((r) => setTimeout(r, 600 * (tryNo + 1)));
        }
      }
    } finally {
      setPending(false);
    }
  }

  return { submit, pending };
}
