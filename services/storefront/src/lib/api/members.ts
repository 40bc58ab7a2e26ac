/** The signed-in member's profile and password (member service through the gateway, Bearer). */
import { Member as MemberWire, type MemberShippingAddress } from "@shop/contracts";
import type { Role } from "./auth";
import { request, type Transport } from "./http";
import { parseWith } from "./wire";

export interface Address {
  recipient: string;
  postalCode: string;
  line1: string;
  line2: string;
}

export interface Member {
  id: string;
  email: string;
  name: string;
  phone: string;
  role: Role;
  shippingAddress: Address | null;
}

function addressView(wire: MemberShippingAddress | null): Address | null {
  return wire ? { ...wire, line2: wire.line2 ?? "" } : null;
}

export const toMember = parseWith(
  MemberWire,
  (wire): Member => ({
    id: wire.id,
    email: wire.email,
    name: wire.name,
    phone: wire.phone ?? "",
    role: wire.role,
    shippingAddress: addressView(wire.shippingAddress),
  }),
  "member",
);

export function getMe(t: Transport): Promise<Member> {
  return request(t, "/api/members/me", {}, toMember);
}

export interface ProfileUpdate {
  name: string;
  phone: string | null;
  shippingAddress: {
    recipient: string;
    postalCode: string;
    line1: string;
    line2: string | null;
  } | null;
}

export function updateMe(t: Transport, update: ProfileUpdate): Promise<Member> {
  return request(t, "/api/members/me", { method: "PATCH", json: update }, toMember);
}

export function changePassword(
  t: Transport,
  memberId: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  return request(
    t,
    `/api/members/${encodeURIComponent(memberId)}/password`,
    { method: "POST", json: { currentPassword, newPassword } },
    () => undefined,
  );
}
