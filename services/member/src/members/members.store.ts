/** Member rows in PostgreSQL through Prisma, mapped to the public shape (never the hash). */
import type { Member } from "@shop/contracts";
import { AppError } from "@shop/platform";
import type { Db, MemberRow, Prisma } from "../prisma/client.js";
import { guard } from "../prisma/errors.js";
import type { ListMembersQuery } from "./members.schemas.js";

export interface NewMember {
  email: string;
  passwordHash: string;
  name: string;
  phone?: string | null | undefined;
  shippingAddress?: AddressFields | null | undefined;
  role?: "customer" | "admin" | undefined;
}

export interface AddressFields {
  recipient: string;
  postalCode: string;
  line1: string;
  line2?: string | null | undefined;
}

export interface MemberChanges {
  email?: string;
  name?: string;
  phone?: string | null;
  shippingAddress?: AddressFields | null;
  role?: "customer" | "admin";
  status?: "active" | "disabled";
  passwordHash?: string;
}

export function toMember(row: MemberRow): Member {
  const hasAddress = row.shippingRecipient && row.shippingPostalCode && row.shippingAddress1;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    shippingAddress: hasAddress
      ? {
          recipient: row.shippingRecipient!,
          postalCode: row.shippingPostalCode!,
          line1: row.shippingAddress1!,
          line2: row.shippingAddress2,
        }
      : null,
    role: row.role,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function addressColumns(address: AddressFields | null | undefined) {
  if (address === undefined) return {};
  return {
    shippingRecipient: address?.recipient ?? null,
    shippingPostalCode: address?.postalCode ?? null,
    shippingAddress1: address?.line1 ?? null,
    shippingAddress2: address?.line2 ?? null,
  };
}

function listFilter(query: ListMembersQuery): Prisma.MemberWhereInput {
  return {
    ...(query.role ? { role: query.role } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.q
      ? {
          OR: [
            { email: { contains: query.q, mode: "insensitive" } },
            { name: { contains: query.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
}

export function createMemberStore(db: Db) {
  return {
    async insert(member: NewMember): Promise<MemberRow> {
      return guard(() =>
        db.member.create({
          data: {
            email: member.email,
            passwordHash: member.passwordHash,
            name: member.name,
            phone: member.phone ?? null,
            role: member.role ?? "customer",
            ...addressColumns(member.shippingAddress),
          },
        }),
      );
    },

    findById(id: string): Promise<MemberRow | null> {
      return guard(() => db.member.findUnique({ where: { id } }));
    },

    findByEmail(email: string): Promise<MemberRow | null> {
      return guard(() => db.member.findUnique({ where: { email } }));
    },

    async list(query: ListMembersQuery): Promise<{ rows: MemberRow[]; total: number }> {
      const where = listFilter(query);
      const [rows, total] = await guard(() =>
        db.$transaction([
          db.member.findMany({
            where,
            orderBy: [{ createdAt: "desc" }, { id: "asc" }],
            skip: (query.page - 1) * query.limit,
            take: query.limit,
          }),
          db.member.count({ where }),
        ]),
      );
      return { rows, total };
    },

    /** `keepAnAdmin`: fail with MEMBER_LAST_ADMIN if no other active admin exists (under a lock). */
    async update(
      id: string,
      changes: MemberChanges,
      options: { keepAnAdmin?: boolean } = {},
    ): Promise<MemberRow> {
      const { shippingAddress, ...rest } = changes;
      const data = { ...rest, ...addressColumns(shippingAddress) };
      if (!options.keepAnAdmin) return guard(() => db.member.update({ where: { id }, data }));
      return guard(() =>
        db.$transaction(async (tx) => {
          await assertAnotherAdmin(tx, id);
          return tx.member.update({ where: { id }, data });
        }),
      );
    },

    async remove(id: string, options: { keepAnAdmin?: boolean } = {}): Promise<void> {
      if (!options.keepAnAdmin) {
        await guard(() => db.member.delete({ where: { id } }));
        return;
      }
      await guard(() =>
        db.$transaction(async (tx) => {
          await assertAnotherAdmin(tx, id);
          await tx.member.delete({ where: { id } });
        }),
      );
    },

    countActiveAdmins(): Promise<number> {
      return guard(() => db.member.count({ where: { role: "admin", status: "active" } }));
    },

    async namesByIds(ids: string[]): Promise<Array<{ id: string; name: string }>> {
      if (ids.length === 0) return [];
      return guard(() =>
        db.member.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
      );
    },
  };
}

export type MemberStore = ReturnType<typeof createMemberStore>;

type Tx = Prisma.TransactionClient;

// Serialises admin demotions and deletions so two admins cannot remove each other at once.
async function assertAnotherAdmin(tx: Tx, id: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('members:last-admin'))`;
  const others = await tx.member.count({
    where: { role: "admin", status: "active", id: { not: id } },
  });
  if (others === 0) throw new AppError("MEMBER_LAST_ADMIN", "Make another member an admin first");
}
