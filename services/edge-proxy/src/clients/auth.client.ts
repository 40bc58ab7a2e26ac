/**
 * The two auth-service calls the edge makes as the first-party client `edge-proxy`:
 * refresh (POST /api/auth/refresh {refreshToken}) and guest (POST /api/auth/guest).
 */
import { TokenResponse } from "@shop/contracts";
import { REQUEST_ID_HEADER } from "@shop/platform";
import { tracedFetch } from "@shop/platform/tracing/bun";

export type TokenSet = TokenResponse;

export type TokenOutcome =
  | { kind: "issued"; tokens: TokenSet }
  /** Auth said no (invalid, reused or expired refresh token). */
  | { kind: "rejected"; status: number }
  /** Auth could not be reached or answered unexpectedly. */
  | { kind: "unavailable"; reason: string };

export interface Caller {
  requestId: string;
  ip: string;
}

export interface AuthClientOptions {
  authUrl: string;
  clientKey: string;
  timeoutMs?: number;
}

export class AuthClient {
  private readonly basic: string;

  constructor(private readonly options: AuthClientOptions) {
    this.basic = `Basic ${Buffer.from(`edge-proxy:${options.clientKey}`).toString("base64")}`;
  }

  /** `ip` is the browser's address, passed on so auth's per-IP limits see the visitor, not the edge. */
  refresh(refreshToken: string, caller: Caller): Promise<TokenOutcome> {
    return this.post("/api/auth/refresh", { refreshToken }, caller);
  }

  guest(caller: Caller): Promise<TokenOutcome> {
    return this.post("/api/auth/guest", {}, caller);
  }

  private async post(path: string, body: unknown, caller: Caller): Promise<TokenOutcome> {
    let response: Response;
    try {
      response = await tracedFetch("auth", `${this.options.authUrl}${path}`, {
        method: "POST",
        headers: {
          authorization: this.basic,
          "content-type": "application/json",
          accept: "application/json",
          [REQUEST_ID_HEADER]: caller.requestId,
          "x-forwarded-for": caller.ip,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 3_000),
      });
    } catch (error) {
      return {
        kind: "unavailable",
        reason: error instanceof Error ? error.message : "request failed",
      };
    }
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      return { kind: "rejected", status: response.status };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { kind: "unavailable", reason: `auth answered ${response.status}` };
    }
    const parsed = TokenResponse.safeParse(await response.json().catch(() => undefined));
    return parsed.success
      ? { kind: "issued", tokens: parsed.data }
      : { kind: "unavailable", reason: "unexpected token answer" };
  }
}
