"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { updateProfileAction } from "./actions";
import type { Member } from "@/lib/api/members";
import { initialActionState } from "@/lib/forms/action-state";
import { profileSchema } from "@/lib/forms/auth";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { buttonPrimary } from "@/components/ui/styles";
import { useLiveForm } from "@/components/ui/use-live-form";

export function ProfileForm({ member }: { member: Member }) {
  const [state, action, pending] = useActionState(updateProfileAction, initialActionState);
  const router = useRouter();
  useEffect(() => {
    // Re-render the page's server parts (the name shown above) with the saved profile.
    if (state.ok) router.refresh();
  }, [state, router]);
  const a = member.shippingAddress;
  const form = useLiveForm(
    profileSchema,
    {
      name: member.name,
      phone: member.phone,
      recipient: a?.recipient ?? "",
      postalCode: a?.postalCode ?? "",
      line1: a?.line1 ?? "",
      line2: a?.line2 ?? "",
    },
    state,
  );
  return (
    <form
      action={action}
      onSubmit={form.guard}
      noValidate
      className="flex flex-col gap-3"
      aria-label="회원 정보 수정"
    >
      <Field label="이메일" name="email-readonly" value={member.email} readOnly disabled />
      <Field label="이름" autoComplete="name" required {...form.bind("name")} />
      <Field
        label="전화번호"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        placeholder="010-1234-5678"
        {...form.bind("phone")}
      />
      <fieldset className="mt-2 flex flex-col gap-3">
        <legend className="mb-2 text-sm font-semibold">기본 배송지</legend>
        <Field label="받는 분" autoComplete="shipping name" {...form.bind("recipient")} />
        <Field
          label="우편번호"
          inputMode="numeric"
          autoComplete="shipping postal-code"
          maxLength={5}
          {...form.bind("postalCode")}
        />
        <Field label="주소" autoComplete="shipping address-line1" {...form.bind("line1")} />
        <Field label="상세 주소" autoComplete="shipping address-line2" {...form.bind("line2")} />
      </fieldset>
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
      {state.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <button type="submit" disabled={pending} className={buttonPrimary}>
        {pending ? "저장 중…" : "저장"}
      </button>
    </form>
  );
}
