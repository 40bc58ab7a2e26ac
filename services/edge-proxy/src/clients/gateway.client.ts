/**
 * The edge's session calls through the gateway, as the first-party client `edge-proxy`: sign-in
 * and registration (so the gateway's sign-in rate limits apply to every login path), logout, and
 * the guest cart merge right after a sign-in.
 */
import { TokenResponse, type LoginRequest, type RegisterRequest } from "@shop/contracts";
import { AppError, REQUEST_ID_HEADER } from "@shop/platform";
import { tracedFetch } from "@shop/platform/tracing/bun";

export interface GatewayCaller {
  requestId: string;
  ip: string;
}

/** A token answer, or the problem details the gateway or auth answered with. */
export type SignInOutcome =
  | { ok: true; tokens: TokenResponse }
  | { ok: false; status: number; problem: Record<string, unknown>; retryAfter: string | null };

export class SessionGateway {
  private readonly basic: string;

  constructor(
    private readonly options: { gatewayUrl: string; clientKey: string; timeoutMs?: number },
  ) {
    this.basic = `Basic ${Buffer.from(`edge-proxy:${options.clientKey}`).toString("base64")}`;
  }

  login(body: LoginRequest, caller: GatewayCaller): Promise<SignInOutcome> {
    return this.signIn("/api/auth/login", body, caller);
  }

  register(body: RegisterRequest, caller: GatewayCaller): Promise<SignInOutcome> {
    return this.signIn("/api/auth/register", body, caller);
  }

  /** Ends the session at auth; an expired or already ended one is fine (the cookies go anyway). */
  async logout(
    accessToken: string,
    refreshToken: string | undefined,
    caller: GatewayCaller,
  ): Promise<void> {
    const response = await this.post(
      "/api/auth/logout",
      refreshToken ? { refreshToken } : {},
      `Bearer ${accessToken}`,
      caller,
    ).catch(() => undefined);
    await response?.body?.cancel();
  }

  /** Moves the guest's cart into the member's; false when it could not (the sign-in stands). */
  async mergeGuestCart(
    accessToken: string,
    guestToken: string,
    caller: GatewayCaller,
  ): Promise<boolean> {
    try {
      const response = await this.post(
        "/api/cart/merge",
        { guestToken },
        `Bearer ${accessToken}`,
        caller,
      );
      await response.body?.cancel();
      return response.ok;
    } catch {
      return false;
    }
  }

  private async signIn(path: string, body: unknown, caller: GatewayCaller): Promise<SignInOutcome> {
    let response: Response;
    try {
      response = await this.post(path, body, this.basic, caller);
    } catch (error) {
      throw new AppError("UPSTREAM_UNAVAILABLE", "Signing in is not possible right now", {
        cause: error,
        headers: { "retry-after": "5" },
      });
    }
    const answer: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      const parsed = TokenResponse.safeParse(answer);
      if (parsed.success) return { ok: true, tokens: parsed.data };
      throw new AppError("UPSTREAM_BAD_RESPONSE", "Auth answered a sign-in unexpectedly");
    }
    const problem = answer && typeof answer === "object" ? (answer as Record<string, unknown>) : {};
    return {
      ok: false,
      status: response.status,
      problem,
      retryAfter: response.headers.get("retry-after"),
    };
  }

  private post(
    path: string,
    body: unknown,
    authorization: string,
    caller: GatewayCaller,
  ): Promise<Response> {
    return tracedFetch("gateway", `${this.options.gatewayUrl}${path}`, {
      method: "POST",
      headers: {
        authorization,
        "content-type": "application/json",
        accept: "application/json",
        [REQUEST_ID_HEADER]: caller.requestId,
        "x-forwarded-for": caller.ip,
      },
      body: JSON.stringify(body),
      redirect: "manual",
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
  }
}
