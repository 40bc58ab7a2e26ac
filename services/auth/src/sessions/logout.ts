/** Logout: end the session named by the access token (even an expired one) and/or the refresh token. */
import { AppError } from "@shop/platform";
import type { AccessTokens } from "../tokens/access-tokens.js";
import type { SessionService } from "./sessions.service.js";

export async function logout(
  deps: { sessions: SessionService; tokens: AccessTokens },
  input: { accessToken?: string | undefined; refreshToken?: string | undefined },
): Promise<void> {
  const { sessions, tokens } = deps;
  if (!input.accessToken && !input.refreshToken) {
    throw new AppError(
      "AUTH_REQUIRED",
      "Send the access token (Authorization: Bearer) or the refresh token of the session to end",
      {
        headers: { "www-authenticate": "Bearer" },
      },
    );
  }
  const ended = new Set<string>();
  if (input.refreshToken) {
    const session = await sessions.sessionOfRefreshToken(input.refreshToken);
    if (session) {
      await sessions.end(session.sid, session.sub);
      ended.add(session.sid);
    }
  }
  if (input.accessToken) {
    let sid: string | undefined;
    try {
      sid = await tokens.sessionOf(input.accessToken);
    } catch (error) {
      // A bad access token beside a refresh token is ignored; alone it is the caller's error.
      if (!input.refreshToken) throw error;
    }
    if (sid && !ended.has(sid)) await sessions.end(sid, (await sessions.session(sid))?.sub);
  }
}
