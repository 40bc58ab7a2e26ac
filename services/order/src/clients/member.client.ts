/** The member service's internal profile read (`Member` in @shop/contracts), for the email and address prefill. */
import { Member, type ShippingAddress } from "@shop/contracts";
import { createServiceClient, fromProblem, type ServiceClient } from "@shop/platform";

export interface MemberContact {
  email: string;
  name: string | null;
  address: Partial<ShippingAddress> | null;
}

export class MemberClient {
  readonly http: ServiceClient;

  constructor(baseUrl: string, internalKey: string) {
    this.http = createServiceClient({
      name: "member",
      baseUrl,
      timeoutMs: 2_000,
      headers: { "x-internal-key": internalKey },
    });
  }

  async contact(memberId: string): Promise<MemberContact | undefined> {
    const res = await this.http.call(`/internal/members/${encodeURIComponent(memberId)}`, {
      schema: Member,
      allowErrors: true,
    });
    if (res.status === 404) return undefined;
    if (res.status >= 400) throw fromProblem(res.body, res.status);
    const m = res.body;
    const a = m.shippingAddress;
    const address = {
      recipient: a?.recipient || m.name || undefined,
      phone: m.phone || undefined,
      postalCode: a?.postalCode || undefined,
      line1: a?.line1 || undefined,
      line2: a?.line2 || undefined,
    };
    const present = Object.fromEntries(
      Object.entries(address).filter(([, v]) => v !== undefined),
    ) as Partial<ShippingAddress>;
    return { email: m.email, name: m.name, address: Object.keys(present).length ? present : null };
  }

  close = () => this.http.close();
}
