/** Signing in: registration, email + password login (throttled) and guest sessions. */
import type { TokenResponse, VerifiedCredentials } from "@shop/contracts";
import { AppError, countLogin } from "@shop/platform";
import { randomBytes } from "node:crypto";
import type { MemberClient } from "../clients/member.client.js";
import type { SessionService } from "../sessions/sessions.service.js";
import type { LoginThrottle, RateLimit } from "../throttle/throttle.js";

export interface Caller {
  ip: string;
  client: string;
}

const memberSubject = (member: Pick<VerifiedCredentials, "id" | "role" | "name" | "email">) => ({
  sub: member.id,
  role: member.role,
  kind: "member" as const,
  name: member.name,
  email: member.email,
});

export function createAuthService(deps: {
  members: MemberClient;
  sessions: SessionService;
  throttle: LoginThrottle;
  guestLimit: RateLimit;
  registerLimit: RateLimit;
}) {
  const { members, sessions, throttle } = deps;

  return {
    async register(
      input: { email: string; password: string; name: string },
      caller: Caller,
      idempotencyKey?: string,
    ): Promise<TokenResponse> {
      await deps.registerLimit.hit(caller.ip);
      const member = await members.register(input, idempotencyKey);
      return sessions.start(memberSubject(member), caller.client);
    },

    async login(
      input: { email: string; password: string },
      caller: Caller,
    ): Promise<TokenResponse> {
      const attempt = await throttle.begin(caller.ip, input.email);
      let member: VerifiedCredentials;
      try {
        member = await members.verify(input.email, input.password);
      } catch (error) {
        const wrong = error instanceof AppError && error.code === "AUTH_INVALID_CREDENTIALS";
        if (wrong) countLogin("failure");
        await (wrong ? attempt.failed() : attempt.abandoned());
        throw error;
      }
      countLogin("success");
      await attempt.succeeded();
      if (member.status !== "active")
        throw new AppError("MEMBER_DISABLED", "This account is disabled");
      return sessions.start(memberSubject(member), caller.client);
    },

    async guest(caller: Caller): Promise<TokenResponse> {
      await deps.guestLimit.hit(caller.ip);
      const sub = `guest_${randomBytes(16).toString("base64url")}`;
      return sessions.start(
        { sub, role: "guest", kind: "guest", name: "", email: "" },
        caller.client,
      );
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
