/** Stands in for the auth service in tests: the test-kit issuer (real JWKS, EdDSA tokens like auth's). */
import { startTestIssuer, type TestIssuer } from "@shop/test-kit";
import { randomUUID } from "node:crypto";

export interface FakeAuth extends TestIssuer {
  token(role: "guest" | "customer" | "admin", sub?: string): Promise<string>;
}

export async function startFakeAuth(): Promise<FakeAuth> {
  const issuer = await startTestIssuer();
  return {
    ...issuer,
    token: (role, sub) =>
      issuer.sign({
        role,
        sub: sub ?? (role === "guest" ? `guest_${randomUUID().slice(0, 12)}` : randomUUID()),
        expiresIn: 600,
      }),
  };
}
