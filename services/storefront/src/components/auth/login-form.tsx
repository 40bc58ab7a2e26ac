"use client";

import { SESSION_PATHS } from "@shop/contracts/session";
import { Link } from "@/components/ui/link";
import { useEdgeSubmit } from "./edge-session";
import { fieldsForCode } from "@/lib/auth-messages";
import { failed } from "@/lib/forms/action-state";
import { loginSchema } from "@/lib/forms/auth";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { buttonPrimary } from "@/components/ui/styles";
import { useLiveForm } from "@/components/ui/use-live-form";

const FIELDS = ["email", "password"];

export function LoginForm({ redirectTo, errorCode }: { redirectTo: string; errorCode?: string }) {
  const { state, pending, onSubmit } = useEdgeSubmit(
    SESSION_PATHS.login,
    FIELDS,
    errorCode ? failed(fieldsForCode(errorCode, FIELDS)) : undefined,
  );
  const form = useLiveForm(loginSchema, { email: "", password: "" }, state);
  const registerHref =
    redirectTo === "/"
      ? "/auth/register"
      : `/auth/register?redirect=${encodeURIComponent(redirectTo)}`;
  return (
    <form
      method="post"
      action={SESSION_PATHS.login}
      onSubmit={(event) => onSubmit(event, form.guard)}
      noValidate
      className="flex flex-col gap-4"
      aria-label="로그인"
    >
      <input type="hidden" name="redirect" value={redirectTo} />
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
        autoComplete="current-password"
        required
        {...form.bind("password")}
      />
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
      {state.ok ? <Alert tone="success">로그인되었어요. 이동하는 중…</Alert> : null}
      <button type="submit" disabled={pending || state.ok} className={`${buttonPrimary} h-12`}>
        {pending ? "로그인 중…" : "로그인"}
      </button>
      <p className="text-center text-sm text-muted">
        아직 회원이 아니신가요?{" "}
        <Link href={registerHref} className="font-semibold text-brand underline">
          회원가입
        </Link>
      </p>
    </form>
  );
}
