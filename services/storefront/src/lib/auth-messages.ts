/** Korean messages for the auth and member error codes the forms can meet. */
import { ApiError } from "./api/http";
import type { FieldErrors } from "./forms/validate";
import { serverFieldErrors } from "./forms/validate";

const MESSAGES: Record<string, string> = {
  AUTH_INVALID_CREDENTIALS: "이메일 또는 비밀번호가 올바르지 않습니다.",
  AUTH_TOO_MANY_ATTEMPTS: "로그인 시도가 너무 많아요. 잠시 후 다시 시도해 주세요.",
  RATE_LIMITED: "요청이 너무 많아요. 잠시 후 다시 시도해 주세요.",
  MEMBER_DISABLED: "사용이 중지된 계정입니다. 고객센터로 문의해 주세요.",
  AUTH_CLIENT_INVALID: "지금은 로그인할 수 없어요. 잠시 후 다시 시도해 주세요.",
  UPSTREAM_UNAVAILABLE: "서버에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.",
  UPSTREAM_TIMEOUT: "서버 응답이 늦어지고 있어요. 잠시 후 다시 시도해 주세요.",
  PASSWORD_INCORRECT: "현재 비밀번호가 올바르지 않습니다.",
};

const FIELD_MESSAGES: Record<string, [string, string]> = {
  MEMBER_EMAIL_TAKEN: ["email", "이미 가입된 이메일입니다. 로그인해 주세요."],
  PASSWORD_TOO_WEAK: ["password", "너무 쉬운 비밀번호예요. 다른 비밀번호를 사용해 주세요."],
  PASSWORD_INCORRECT: ["currentPassword", "현재 비밀번호가 올바르지 않습니다."],
};

/** An ApiError as field errors of a form with `fields` (anything else under `form`). */
export function apiErrorToFields(error: ApiError, fields: readonly string[]): FieldErrors {
  const fieldMessage = FIELD_MESSAGES[error.code];
  if (fieldMessage && fields.includes(fieldMessage[0])) {
    const [field, message] = fieldMessage;
    return {
      [field]:
        error.code === "PASSWORD_TOO_WEAK" && error.message
          ? `${message} (${error.message})`
          : message,
    };
  }
  if (error.fieldErrors.length) return serverFieldErrors(error.fieldErrors, fields);
  return {
    form:
      MESSAGES[error.code] ??
      (error.status >= 500 ? MESSAGES.UPSTREAM_UNAVAILABLE! : error.message),
  };
}

/** Field errors for an error code the edge sent back with a form posted without script. */
export function fieldsForCode(code: string | undefined, fields: readonly string[]): FieldErrors {
  if (!code || !/^[A-Z][A-Z_]{0,59}$/.test(code)) return {};
  const known = code in MESSAGES || code in FIELD_MESSAGES;
  return apiErrorToFields(new ApiError(known ? 400 : 500, code, ""), fields);
}
