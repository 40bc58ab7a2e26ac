/** Settles the email and shipping address: given in the request, or prefilled from the member profile. */
import { ShippingAddress } from "@shop/contracts";
import { AppError, type FieldError } from "@shop/platform";
import type { MemberContact } from "../../clients/member.client.js";
import type { CheckoutContext } from "../checkout.context.js";
import { need } from "../checkout.context.js";
import type { Step } from "../saga.js";

/** The member's contact details, or undefined for guests or when the member service cannot answer. */
export async function memberContact(ctx: CheckoutContext): Promise<MemberContact | undefined> {
  const identity = need(ctx.identity, "identity");
  if (identity.role === "guest") return undefined;
  try {
    return await ctx.deps.member.contact(identity.sub);
  } catch (error) {
    ctx.logger.warn({ err: error }, "member profile unavailable for checkout prefill");
    return undefined;
  }
}

export const resolveContact: Step<CheckoutContext, never> = {
  id: "resolve-contact",
  async run(ctx) {
    const input = need(ctx.input, "input");
    const needsProfile = !input.shippingAddress || !input.email;
    const contact = needsProfile ? await memberContact(ctx) : undefined;
    const errors: FieldError[] = [];
    const email = input.email ?? contact?.email;
    if (!email)
      errors.push({
        field: "email",
        message:
          need(ctx.identity, "identity").role === "guest"
            ? "is required for guest checkout"
            : "is required",
      });
    const parsed = ShippingAddress.safeParse(input.shippingAddress ?? contact?.address ?? {});
    if (!parsed.success) {
      const source = input.shippingAddress
        ? "shippingAddress"
        : "shippingAddress (not in your profile either)";
      for (const issue of parsed.error.issues)
        errors.push({
          field: `shippingAddress.${issue.path.join(".")}`,
          message: `${issue.message} — ${source}`,
        });
    }
    if (errors.length || !email || !parsed.success) {
      throw new AppError(
        "VALIDATION_FAILED",
        errors.map((e) => `${e.field}: ${e.message}`).join("; "),
        { errors },
      );
    }
    ctx.email = email;
    ctx.address = parsed.data;
    return undefined;
  },
};
