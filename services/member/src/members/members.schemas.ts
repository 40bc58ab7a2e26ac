/** Request schemas for the member routes (validation and the OpenAPI document come from these). */
import { Member, MemberRole, MemberStatus, paginated } from "@shop/contracts";
import { z } from "zod";
import { PASSWORD_MAX } from "../passwords/passwords.js";

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Use at most 254 characters")
  .pipe(z.email("Enter a valid email address"));

export const Password = z
  .string()
  .min(1, "Enter a password")
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`);

const Name = z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters");

const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{6,18}[0-9]$/, "Enter a phone number (digits, spaces or dashes)");

export const ShippingAddressInput = z.object({
  recipient: z.string().trim().min(1, "Enter a recipient").max(100, "Use at most 100 characters"),
  postalCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z -]{3,10}$/, "Enter a postal code"),
  line1: z.string().trim().min(1, "Enter an address").max(200, "Use at most 200 characters"),
  line2: z.string().trim().max(200, "Use at most 200 characters").nullish(),
});

export const CreateMemberBody = z.object({
  email: Email,
  password: Password,
  name: Name,
  phone: Phone.nullish(),
  shippingAddress: ShippingAddressInput.nullish(),
  /** Only an admin may create another admin; registration always creates customers. */
  role: MemberRole.optional(),
});
export type CreateMemberBody = z.infer<typeof CreateMemberBody>;

export const UpdateMemberBody = z
  .object({
    name: Name.optional(),
    phone: Phone.nullable().optional(),
    shippingAddress: ShippingAddressInput.nullable().optional(),
    /** Admin only. */
    email: Email.optional(),
    /** Admin only. */
    role: MemberRole.optional(),
    /** Admin only. */
    status: MemberStatus.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Send at least one field to change",
  });
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;

export const ChangePasswordBody = z.object({
  currentPassword: Password,
  newPassword: Password,
});

export const MemberParams = z.object({ id: z.uuid("Member ids are UUIDs") });

export const ListMembersQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Matches email or name, case-insensitively. PostgreSQL text cannot hold a NUL: refused. */
  q: z
    .string()
    .trim()
    .max(100)
    .refine((q) => !q.includes("\u0000"), "must not contain a NUL character")
    .optional(),
  role: MemberRole.optional(),
  status: MemberStatus.optional(),
});
export type ListMembersQuery = z.infer<typeof ListMembersQuery>;

export const MemberList = paginated(Member);
export { Member };
