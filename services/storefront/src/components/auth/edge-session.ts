"use client";
/**
 * Sign-in forms post to the edge proxy, which alone writes the session cookies: with script, as
 * JSON (errors shown inline); without, as a plain form post answered with a redirect. The tokens
 * never reach this page's script: the edge answers only who signed in and where to go.
 */
import { useState, useTransition, type FormEvent } from "react";
import { apiErrorToFields } from "@/lib/auth-messages";
import { ApiError } from "@/lib/api/http";
import { failed, initialActionState, succeeded, type ActionState } from "@/lib/forms/action-state";

/** Submits the form to `endpoint` as JSON; the answer becomes the form's state. */
export function useEdgeSubmit(endpoint: string, fields: readonly string[], initial?: ActionState) {
  const [state, setState] = useState<ActionState>(initial ?? initialActionState);
  const [pending, startTransition] = useTransition();

  const onSubmit = (
    event: FormEvent<HTMLFormElement>,
    guard: (e: FormEvent<HTMLFormElement>) => void,
  ) => {
    guard(event);
    if (event.defaultPrevented) return;
    event.preventDefault();
    const values: Record<string, string> = {};
    for (const [name, value] of new FormData(event.currentTarget))
      if (typeof value === "string") values[name] = value;
    startTransition(async () => setState(await submitToEdge(endpoint, values, fields)));
  };
  return { state, pending, onSubmit };
}

async function submitToEdge(
  endpoint: string,
  values: Record<string, string>,
  fields: readonly string[],
): Promise<ActionState> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(values),
      credentials: "same-origin",
    });
  } catch (error) {
    return failed(
      apiErrorToFields(new ApiError(503, "UPSTREAM_UNAVAILABLE", "", [], undefined, error), fields),
    );
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) {
    return succeeded({ redirectTo: typeof body.redirectTo === "string" ? body.redirectTo : "/" });
  }
  const errors = Array.isArray(body.errors)
    ? (body.errors as { field: string; message: string }[])
    : [];
  const error = new ApiError(
    response.status,
    typeof body.code === "string" ? body.code : "UNKNOWN",
    typeof body.detail === "string" ? body.detail : "",
    errors,
  );
  return failed(apiErrorToFields(error, fields));
}
