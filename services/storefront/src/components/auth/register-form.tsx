"use client";

import { SESSION_PATHS } from "@shop/contracts/session";
import { Link } from "@/components/ui/link";
import { useEdgeSubmit } from "./edge-session";
import { fieldsForCode } from "@/lib/auth-messages";
import { failed } from "@/lib/forms/action-state";
import { registerSchema } from "@/lib/forms/auth";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { buttonPrimary } from "@/components/ui/styles";
import { useLiveForm } from "@/components/ui/use-live-form";

const FIELDS = ["name", "email", "password"];

export function RegisterForm({
  redirectTo,
  errorCode,
}: {
  redirectTo: string;
  errorCode?: string;
}) {
  const { state, pending, onSubmit } = useEdgeSubmit(
    SESSION_PATHS.register,
    FIELDS,
    errorCode ? failed(fieldsForCode(errorCode, FIELDS)) : undefined,
  );
  const form = useLiveForm(
    registerSchema,
    { name: "", email: "", password: "", passwordConfirm: "" },
    state,
  );
  const loginHref =
    redirectTo === "/" ? "/auth/login" : `/auth/login?redirect=${encodeURIComponent(redirectTo)}`;
  return (
    <form
      method="post"
      action={SESSION_PATHS.register}
      onSubmit={(event) => onSubmit(event, form.guard)}
      noValidate
      className="flex flex-col gap-4"
      aria-label="회원가입"
    >
      <input type="hidden" name="redirect" value={redirectTo} />
      <Field label="이름" autoComplete="name" required maxLength={50} {...form.bind("name")} />
      <Field
        label="이메일"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        {...form.bind("email")}
      />
      <Field
        label="비밀번호"
        type="password"
        autoComplete="new-password"
        required
        hint="8자 이상, 흔한 비밀번호는 사용할 수 없어요."
        {...form.bind("password")}
      />
      <Field
        label="비밀번호 확인"
        type="password"
        autoComplete="new-password"
        required
        {...form.bind("passwordConfirm")}
      />
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
      {state.ok ? <Alert tone="success">가입이 완료되었어요. 이동하는 중…</Alert> : null}
      <button type="submit" disabled={pending || state.ok} className={`${buttonPrimary} h-12`}>
        {pending ? "가입하는 중…" : "가입하기"}
      </button>
      <p className="text-center text-sm text-muted">
        이미 회원이신가요?{" "}
        <Link href={loginHref} className="font-semibold text-brand underline">
          로그인
        </Link>
      </p>
    </form>
  );
}
