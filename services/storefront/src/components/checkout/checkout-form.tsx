"use client";

import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { EMPTY_CART } from "@/lib/api/cart";
import { ApiError } from "@/lib/api/http";
import { totalsWith, type CheckoutPreview } from "@/lib/api/orders";
import { CHECKOUT_FIELDS, checkoutSchemaFor } from "@/lib/forms/checkout";
import { serverFieldErrors, validate, type FieldErrors } from "@/lib/forms/validate";
import { formatWon } from "@/lib/format";
import { cartStore } from "@/lib/stores";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { buttonPrimary } from "@/components/ui/styles";
import { checkoutMessage } from "./checkout-messages";
import { OrderSummary } from "./order-summary";
import { ShippingMethods } from "./shipping-methods";
import { useCheckoutSubmit } from "./use-checkout-submit";

type Values = Record<(typeof CHECKOUT_FIELDS)[number], string>;

/** Address (prefilled for members), shipping method, test card, server totals; places the order. */
export function CheckoutForm({ preview, guest }: { preview: CheckoutPreview; guest: boolean }) {
  const router = useRouter();
  const a = preview.address;
  const [values, setValues] = useState<Values>({
    email: preview.email ?? "",
    recipient: a?.recipient ?? "",
    phone: a?.phone ?? "",
    postalCode: a?.postalCode ?? "",
    line1: a?.line1 ?? "",
    line2: a?.line2 ?? "",
    shippingMethod: preview.shippingMethod,
    cardNumber: "",
    expiry: "",
    cvc: "",
  });
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const { submit, pending } = useCheckoutSubmit();
  const schema = useMemo(() => checkoutSchemaFor(guest), [guest]);
  const clientErrors = useMemo(() => validate(schema, values).errors ?? {}, [schema, values]);
  const method = values.shippingMethod === "express" ? "express" : "standard";
  const totals = totalsWith(preview, method);

  const bind = (name: keyof Values) => ({
    name,
    value: values[name],
    error: (touched.has(name) ? clientErrors[name] : undefined) ?? serverErrors[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      setValues((v) => ({ ...v, [name]: e.target.value }));
      setServerErrors(({ [name]: _dropped, form: _form, ...rest }) => rest);
    },
    onBlur: () => setTouched((t) => new Set(t).add(name)),
  });

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validate(schema, values);
    if (checked.errors) {
      setTouched(new Set(CHECKOUT_FIELDS));
      return;
    }
    const v = checked.data;
    try {
      const result = await submit({
        ...(guest ? { email: v.email } : {}),
        shippingAddress: {
          recipient: v.recipient,
          phone: v.phone,
          postalCode: v.postalCode,
          line1: v.line1,
          ...(v.line2 ? { line2: v.line2 } : {}),
        },
        shippingMethod: v.shippingMethod,
        payment: { method: "card", cardNumber: v.cardNumber, expiry: v.expiry, cvc: v.cvc },
      });
      cartStore.getState().replace(EMPTY_CART);
      router.push(`/checkout/complete/${result.order.id}`);
    } catch (error) {
      if (error instanceof ApiError) {
        const fields = error.fieldErrors.length
          ? serverFieldErrors(error.fieldErrors, CHECKOUT_FIELDS)
          : {};
        setServerErrors({ ...fields, form: fields.form ?? checkoutMessage(error) });
      } else {
        setServerErrors({ form: "주문하지 못했어요. 잠시 후 다시 시도해 주세요." });
      }
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6 px-4" aria-label="주문서">
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-lg font-bold">배송지</legend>
        {guest ? (
          <Field
            label="이메일 (주문 확인용)"
            type="email"
            autoComplete="email"
            inputMode="email"
            {...bind("email")}
          />
        ) : null}
        <Field label="받는 분" autoComplete="shipping name" {...bind("recipient")} />
        <Field
          label="전화번호"
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          placeholder="010-1234-5678"
          {...bind("phone")}
        />
        <Field
          label="우편번호"
          inputMode="numeric"
          autoComplete="shipping postal-code"
          maxLength={5}
          {...bind("postalCode")}
        />
        <Field label="주소" autoComplete="shipping address-line1" {...bind("line1")} />
        <Field label="상세 주소 (선택)" autoComplete="shipping address-line2" {...bind("line2")} />
      </fieldset>
      <ShippingMethods
        options={preview.shippingOptions}
        method={method}
        onChange={(shippingMethod) => setValues((v) => ({ ...v, shippingMethod }))}
      />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-lg font-bold">결제 (카드)</legend>
        <Alert>
          테스트 카드: 4242 4242 4242 4242 (승인) · 4000 0000 0000 0002 (거절). 유효기간은 미래
          날짜, CVC는 아무 숫자 3자리.
        </Alert>
        <Field
          label="카드 번호"
          inputMode="numeric"
          autoComplete="cc-number"
          placeholder="4242 4242 4242 4242"
          maxLength={23}
          {...bind("cardNumber")}
        />
        <div className="grid grid-cols-2 gap-3">
          <Field
            label="유효기간 (MM/YY)"
            autoComplete="cc-exp"
            placeholder="12/30"
            maxLength={5}
            {...bind("expiry")}
          />
          <Field
            label="CVC"
            inputMode="numeric"
            autoComplete="cc-csc"
            maxLength={4}
            {...bind("cvc")}
          />
        </div>
      </fieldset>
      <OrderSummary totals={totals} />
      {serverErrors.form ? <Alert tone="error">{serverErrors.form}</Alert> : null}
      <button
        type="submit"
        disabled={pending || !preview.canCheckout}
        className={`${buttonPrimary} h-12`}
      >
        {pending ? "결제하는 중…" : `${formatWon(totals.grandTotal)} 결제하기`}
      </button>
    </form>
  );
}
