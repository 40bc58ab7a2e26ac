"use client";

import { useActionState } from "react";
import { changePasswordAction } from "./actions";
import { initialActionState } from "@/lib/forms/action-state";
import { passwordSchema } from "@/lib/forms/auth";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { buttonSecondary } from "@/components/ui/styles";
import { useLiveForm } from "@/components/ui/use-live-form";

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, initialActionState);
  const form = useLiveForm(
    passwordSchema,
    { currentPassword: "", newPassword: "", newPasswordConfirm: "" },
    state,
  );
  return (
    <form
      action={action}
      onSubmit={form.guard}
      noValidate
      className="flex flex-col gap-3"
      aria-label="비밀번호 변경"
    >
      <Field
        label="현재 비밀번호"
        type="password"
        autoComplete="current-password"
        {...form.bind("currentPassword")}
      />
      <Field
        label="새 비밀번호"
        type="password"
        autoComplete="new-password"
        hint="8자 이상"
        {...form.bind("newPassword")}
      />
      <Field
        label="새 비밀번호 확인"
        type="password"
        autoComplete="new-password"
        {...form.bind("newPasswordConfirm")}
      />
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
      {state.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <button type="submit" disabled={pending} className={buttonSecondary}>
        {pending ? "변경 중…" : "비밀번호 변경"}
      </button>
    </form>
  );
}
