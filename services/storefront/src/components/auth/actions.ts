"use server";
/**
 * Login and registration as server actions: they call auth directly with the storefront's client
 * key and set the httpOnly session cookies (tokens never reach the browser's JS). Logout is the
 * route handler app/auth/logout, so it ends with a full page load.
 */
import { cookies, headers } from "next/headers";
import * as auth from "@/lib/api/auth";
import { mergeGuestCart } from "@/lib/api/cart";
import { ApiError } from "@/lib/api/http";
import { authService, userGateway } from "@/lib/api/server";
import {
  ACCESS_COOKIE,
  isSecureRequest,
  peekClaims,
  sessionCookies,
  type CookieSpec,
} from "@/lib/auth-cookies";
import { apiErrorToFields } from "@/lib/auth-messages";
import { failed, succeeded, type ActionState } from "@/lib/forms/action-state";
import { loginSchema, registerSchema } from "@/lib/forms/auth";
import { formValues, validate } from "@/lib/forms/validate";
import { safeRedirectPath } from "@/lib/safe-redirect";

async function secureRequest(): Promise<boolean> {
  const h = await headers();
  return isSecureRequest(
    h.get("x-forwarded-proto"),
    `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? ""}`,
  );
}

async function writeCookies(specs: CookieSpec[]): Promise<void> {
  const jar = await cookies();
  for (const { name, value, ...options } of specs) jar.set(name, value, options);
}

/** The guest session's access token, if the visitor was browsing as a guest (to merge their cart). */
async function guestToken(): Promise<string | undefined> {
  const token = (await cookies()).get(ACCESS_COOKIE)?.value;
  return token && peekClaims(token)?.role === "guest" ? token : undefined;
}

/** Starts the member's session: cookies, then the guest cart merged into theirs. */
async function startSession(
  tokens: auth.TokenSet,
  previousGuest: string | undefined,
): Promise<void> {
  await writeCookies(sessionCookies(tokens, await secureRequest()));
  if (!previousGuest) return;
  try {
    await mergeGuestCart(await userGateway(tokens.accessToken), previousGuest);
  } catch (error) {
    // The login itself succeeded; an unmerged guest cart must not turn it into a failure.
    console.warn(
      JSON.stringify({
        level: "warn",
        msg: "guest cart merge failed",
        error: error instanceof ApiError ? error.code : String(error),
      }),
    );
  }
}

export async function loginAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const checked = validate(loginSchema, values);
  if (checked.errors) return failed(checked.errors);
  const previousGuest = await guestToken();
  try {
    const tokens = await auth.login(await authService(), checked.data);
    await startSession(tokens, previousGuest);
  } catch (error) {
    if (error instanceof ApiError) return failed(apiErrorToFields(error, ["email", "password"]));
    throw error;
  }
  return succeeded({ redirectTo: safeRedirectPath(values.redirect) });
}

export async function registerAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const checked = validate(registerSchema, values);
  if (checked.errors) return failed(checked.errors);
  const previousGuest = await guestToken();
  try {
    const { name, email, password } = checked.data;
    const tokens = await auth.register(await authService(), { name, email, password });
    await startSession(tokens, previousGuest);
  } catch (error) {
    if (error instanceof ApiError)
      return failed(apiErrorToFields(error, ["name", "email", "password"]));
    throw error;
  }
  return succeeded({ redirectTo: safeRedirectPath(values.redirect) });
}
