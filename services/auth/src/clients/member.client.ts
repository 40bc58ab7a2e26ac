/** Calls to the member service: registration, the credential check and the current member. */
import { Member, VerifiedCredentials, type Member as MemberShape } from "@shop/contracts";
import { AppError, createServiceClient } from "@shop/platform";

export interface MemberClient {
  /** Creates a customer (registration); member's 4xx answers come back as the same AppErrors. */
  register(
    input: { email: string; password: string; name: string },
    idempotencyKey?: string,
  ): Promise<MemberShape>;
  /** The member for a matching email and password; AUTH_INVALID_CREDENTIALS otherwise. */
  verify(email: string, password: string): Promise<VerifiedCredentials>;
  /** The member, or undefined when it no longer exists. */
  find(id: string): Promise<MemberShape | undefined>;
  close(): Promise<void>;
}

export function createMemberClient(options: {
  baseUrl: string;
  internalKey: string;
}): MemberClient {
  const http = createServiceClient({
    name: "member",
    baseUrl: options.baseUrl,
    timeoutMs: 3_000,
    headers: { "x-internal-key": options.internalKey },
  });

  return {
    register(input, idempotencyKey) {
      return http.post("/api/members", input, {
        schema: Member,
        headers: idempotencyKey ? { "idempotency-key": idempotencyKey } : {},
      });
    },
    verify(email, password) {
      return http.post(
        "/internal/credentials/verify",
        { email, password },
        { schema: VerifiedCredentials },
      );
    },
    async find(id) {
      try {
        return await http.get(`/internal/members/${encodeURIComponent(id)}`, { schema: Member });
      } catch (error) {
        if (
          error instanceof AppError &&
          (error.code === "MEMBER_NOT_FOUND" || error.code === "VALIDATION_FAILED")
        ) {
          return undefined;
        }
        throw error;
      }
    },
    close: () => http.close(),
  };
}
