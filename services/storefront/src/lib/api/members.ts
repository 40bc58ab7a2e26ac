/** The signed-in member's profile and password (member service through the gateway, Bearer). */
import { request, type Transport } from "./http";
import { obj, optStr, str } from "./wire";
import { toRole, type Role } from "./auth";

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

export function toAddress(value: unknown): Address | null {
  if (!value || typeof value !== "object") return null;
  const w = value as Record<string, unknown>;
  return {
    recipient: optStr(w.recipient) ?? "",
    postalCode: optStr(w.postalCode) ?? "",
    line1: optStr(w.line1) ?? "",
    line2: optStr(w.line2) ?? "",
  };
}

export function toMember(value: unknown): Member {
  const w = obj(value, "member");
  return {
    id: str(w.id, "member.id"),
    email: str(w.email, "member.email"),
    name: optStr(w.name) ?? "",
    phone: optStr(w.phone) ?? "",
    role: toRole(w.role),
    shippingAddress: toAddress(w.shippingAddress),
  };
}

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
