"use server";
/** Profile and password changes of the signed-in member (member service through the gateway). */
import { ApiError } from "@/lib/api/http";
import { changePassword, updateMe } from "@/lib/api/members";
import { userGateway } from "@/lib/api/server";
import { apiErrorToFields } from "@/lib/auth-messages";
import { failed, succeeded, type ActionState } from "@/lib/forms/action-state";
import { passwordSchema, profileSchema } from "@/lib/forms/auth";
import { formValues, validate } from "@/lib/forms/validate";
import { getSession } from "@/lib/session";

const SIGNED_OUT = failed({ form: "로그인이 만료되었어요. 다시 로그인해 주세요." });

export async function updateProfileAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  const session = await getSession();
  if (!session || session.role === "guest") return SIGNED_OUT;
  const checked = validate(profileSchema, formValues(form));
  if (checked.errors) return failed(checked.errors);
  const v = checked.data;
  try {
    await updateMe(await userGateway(), {
      name: v.name,
      phone: v.phone || null,
      shippingAddress: v.line1
        ? {
            recipient: v.recipient,
            postalCode: v.postalCode,
            line1: v.line1,
            line2: v.line2 || null,
          }
        : null,
    });
  } catch (error) {
    if (error instanceof ApiError)
      return failed(
        apiErrorToFields(error, ["name", "phone", "recipient", "postalCode", "line1", "line2"]),
      );
    throw error;
  }
  return succeeded({ message: "회원 정보를 저장했어요." });
}

export async function changePasswordAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  const session = await getSession();
  if (!session || session.role === "guest") return SIGNED_OUT;
  const checked = validate(passwordSchema, formValues(form));
  if (checked.errors) return failed(checked.errors);
  try {
    await changePassword(
      await userGateway(),
      session.userId,
      checked.data.currentPassword,
      checked.data.newPassword,
    );
  } catch (error) {
    if (error instanceof ApiError) {
      const fields = apiErrorToFields(error, ["currentPassword", "newPassword"]);
      if (error.code === "PASSWORD_TOO_WEAK")
        return failed({ newPassword: fields.password ?? error.message });
      return failed(fields);
    }
    throw error;
  }
  return succeeded({ message: "비밀번호를 바꿨어요." });
}
