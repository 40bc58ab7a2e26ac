/**
 * The two auth-service calls the edge makes as the first-party client `edge-proxy`:
 * refresh (POST /api/auth/refresh {refreshToken}) and guest (POST /api/auth/guest).
 */
import { REQUEST_ID_HEADER } from "@shop/platform";
import { z } from "zod";

export const TokenAnswer = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  tokenType: z.string().optional(),
  expiresIn: z.number().int().positive(),
  refreshExpiresIn: z.number().int().positive(),
});
export type TokenSet = z.infer<typeof TokenAnswer>;

export type TokenOutcome =
  | { kind: "issued"; tokens: TokenSet }
  /** Auth said no (invalid, reused or expired refresh token). */
  | { kind: "rejected"; status: number }
  /** Auth could not be reached or answered unexpectedly. */
  | { kind: "unavailable"; reason: string };

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

  refresh(refreshToken: string, requestId: string): Promise<TokenOutcome> {
    return this.post("/api/auth/refresh", { refreshToken }, requestId);
  }

  guest(requestId: string): Promise<TokenOutcome> {
    return this.post("/api/auth/guest", {}, requestId);
  }

  private async post(path: string, body: unknown, requestId: string): Promise<TokenOutcome> {
    let response: Response;
    try {
      response = await fetch(`${this.options.authUrl}${path}`, {
        method: "POST",
        headers: {
          authorization: this.basic,
          "content-type": "application/json",
          accept: "application/json",
          [REQUEST_ID_HEADER]: requestId,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 3_000),
      });
    } catch (error) {
      return { kind: "unavailable", reason: error instanceof Error ? error.message : "request failed" };
    }
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      return { kind: "rejected", status: response.status };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { kind: "unavailable", reason: `auth answered ${response.status}` };
    }
    const parsed = TokenAnswer.safeParse(await response.json().catch(() => undefined));
    return parsed.success ? { kind: "issued", tokens: parsed.data } : { kind: "unavailable", reason: "unexpected token answer" };
  }
}
