/** The member service's internal profile read, for the email and a prefilled shipping address. */
import type { ShippingAddress } from "@shop/contracts";
import { createServiceClient, fromProblem, type ServiceClient } from "@shop/platform";
import { z } from "zod";

const text = z.string().nullable().optional();
const Profile = z
  .object({
    id: z.string(),
    email: z.string(),
    name: text,
    phone: text,
    recipient: text,
    postalCode: text,
    zipCode: text,
    line1: text,
    line2: text,
    address1: text,
    address2: text,
    address: z.union([z.string(), z.object({}).loose()]).nullable().optional(),
    shippingAddress: z.object({}).loose().nullable().optional(),
  })
  .loose();
type Profile = z.infer<typeof Profile>;

export interface MemberContact {
  email: string;
  name: string | null;
  address: Partial<ShippingAddress> | null;
}

export class MemberClient {
  readonly http: ServiceClient;

  constructor(baseUrl: string, internalKey: string) {
    this.http = createServiceClient({ name: "member", baseUrl, timeoutMs: 2_000, headers: { "x-internal-key": internalKey } });
  }

  async contact(memberId: string): Promise<MemberContact | undefined> {
    const res = await this.http.call(`/internal/members/${encodeURIComponent(memberId)}`, { schema: Profile, allowErrors: true });
    if (res.status === 404) return undefined;
    if (res.status >= 400) throw fromProblem(res.body, res.status);
    return { email: res.body.email, name: res.body.name ?? null, address: addressOf(res.body) };
  }

  close = () => this.http.close();
}

/** Reads the profile's address whichever way the member service spells it (flat or nested). */
function addressOf(p: Profile): Partial<ShippingAddress> | null {
  const nested = (p.shippingAddress ?? (typeof p.address === "object" ? p.address : null)) as Record<string, unknown> | null;
  const pick = (...values: unknown[]) => values.find((v): v is string => typeof v === "string" && v.trim().length > 0);
  const address = {
    recipient: pick(nested?.recipient, nested?.name, p.recipient, p.name),
    phone: pick(nested?.phone, p.phone),
    postalCode: pick(nested?.postalCode, nested?.zipCode, p.postalCode, p.zipCode),
    line1: pick(nested?.line1, nested?.address1, p.line1, p.address1, typeof p.address === "string" ? p.address : undefined),
    line2: pick(nested?.line2, nested?.address2, p.line2, p.address2),
  };
  const present = Object.fromEntries(Object.entries(address).filter(([, v]) => v !== undefined));
  return Object.keys(present).length ? (present as Partial<ShippingAddress>) : null;
}
