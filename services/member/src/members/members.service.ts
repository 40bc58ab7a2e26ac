/** Member rules: who may do what, the password policy at creation, last-admin protection, revocation. */
import type { Member } from "@shop/contracts";
import { AppError, canActFor, requireRole, type Identity } from "@shop/platform";
import type { Caller } from "@shop/platform";
import type { SessionRevoker } from "../clients/auth.client.js";
import { assertStrongPassword, hashPassword } from "../passwords/passwords.js";
import type { CreateMemberBody, ListMembersQuery, UpdateMemberBody } from "./members.schemas.js";
import { toMember, type MemberChanges, type MemberStore } from "./members.store.js";
import type { MemberRow } from "../prisma/client.js";

function mayActFor(identity: Identity, id: string): void {
  if (!canActFor(identity, id))
    throw new AppError("FORBIDDEN", "You can only act on your own account");
}

function changesFrom(body: UpdateMemberBody): MemberChanges {
  const changes: MemberChanges = {};
  if (body.name !== undefined) changes.name = body.name;
  if (body.phone !== undefined) changes.phone = body.phone;
  if (body.shippingAddress !== undefined) changes.shippingAddress = body.shippingAddress;
  if (body.email !== undefined) changes.email = body.email;
  if (body.role !== undefined) changes.role = body.role;
  if (body.status !== undefined) changes.status = body.status;
  return changes;
}

/** Refuses a change that would leave no active admin (checked again under a lock in the store). */
async function assertAdminRemains(
  store: MemberStore,
  target: MemberRow,
  after: { role?: string | undefined; status?: string | undefined; deleted?: boolean },
): Promise<boolean> {
  const wasActiveAdmin = target.role === "admin" && target.status === "active";
  const staysActiveAdmin =
    !after.deleted &&
    (after.role ?? target.role) === "admin" &&
    (after.status ?? target.status) === "active";
  if (wasActiveAdmin && !staysActiveAdmin && (await store.countActiveAdmins()) <= 1) {
    throw new AppError("MEMBER_LAST_ADMIN", "Make another member an admin first");
  }
  return wasActiveAdmin && !staysActiveAdmin;
}

export function createMemberService(deps: { store: MemberStore; revoker: SessionRevoker }) {
  const { store, revoker } = deps;

  async function load(id: string): Promise<MemberRow> {
    const row = await store.findById(id);
    if (!row) throw new AppError("MEMBER_NOT_FOUND", `No member with id ${id}`);
    return row;
  }

  return {
    async create(input: CreateMemberBody, caller: Caller): Promise<Member> {
      // Registration (auth, internal key) creates customers; an admin token may create admins too.
      if (caller.kind === "user") requireRole(caller.identity, "admin");
      const byAdmin = caller.kind === "user";
      if (input.role === "admin" && !byAdmin) {
        throw new AppError("FORBIDDEN", "Only an admin can create an admin", {
          errors: [{ field: "role", message: "Only an admin can create an admin" }],
        });
      }
      assertStrongPassword(input.password, { email: input.email, name: input.name });
      const row = await store.insert({
        email: input.email,
        passwordHash: await hashPassword(input.password),
        name: input.name,
        phone: input.phone,
        shippingAddress: input.shippingAddress,
        role: input.role,
      });
      return toMember(row);
    },

    async list(query: ListMembersQuery, identity: Identity) {
      requireRole(identity, "admin");
      const { rows, total } = await store.list(query);
      return { rows: rows.map(toMember), total };
    },

    async get(id: string, identity: Identity): Promise<Member> {
      mayActFor(identity, id);
      return toMember(await load(id));
    },

    async update(id: string, body: UpdateMemberBody, identity: Identity): Promise<Member> {
      mayActFor(identity, id);
      const adminOnly = (["role", "status", "email"] as const).filter(
        (field) => body[field] !== undefined,
      );
      if (adminOnly.length && identity.role !== "admin") {
        throw new AppError("FORBIDDEN", "Only an admin can change role, status or email", {
          errors: adminOnly.map((field) => ({ field, message: "Only an admin can change this" })),
        });
      }
      const target = await load(id);
      const losesAdmin = await assertAdminRemains(store, target, body);
      const row = await store.update(id, changesFrom(body), { keepAnAdmin: losesAdmin });
      // Tokens carry the role: a changed role or a disabled account must not outlive the change.
      // The sessions end too, which closes the race with a refresh that read the old role: any
      // token it mints carries a session id revoked with the session. The member signs in again.
      const disabled = row.status === "disabled" && target.status !== "disabled";
      if (disabled || row.role !== target.role) {
        await revoker.revokeSubject(id, { endSessions: true });
      }
      return toMember(row);
    },

    async remove(id: string, identity: Identity): Promise<void> {
      mayActFor(identity, id);
      const target = await load(id);
      const losesAdmin = await assertAdminRemains(store, target, { deleted: true });
      await store.remove(id, { keepAnAdmin: losesAdmin });
      await revoker.revokeSubject(id, { endSessions: true });
    },

    async internalGet(id: string): Promise<Member> {
      return toMember(await load(id));
    },

    lookupNames: (ids: string[]) => store.namesByIds(ids),
  };
}

export type MemberService = ReturnType<typeof createMemberService>;
