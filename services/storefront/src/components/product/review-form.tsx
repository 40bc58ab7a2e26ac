"use client";

import { useState } from "react";
import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { Star } from "lucide-react";
import clsx from "clsx";
import { useStore } from "zustand";
import { browserTransport } from "@/lib/api/browser";
import { ApiError } from "@/lib/api/http";
import { createReview, type Review } from "@/lib/api/reviews";
import { reviewSchema } from "@/lib/forms/review";
import { validate, type FieldErrors } from "@/lib/forms/validate";
import { loginPath } from "@shop/contracts/session";
import { sessionStore } from "@/lib/stores";
import { Alert } from "@/components/ui/alert";
import { buttonPrimary } from "@/components/ui/styles";
import { ReviewList } from "@/components/home/review-list";

/** Review form for signed-in customers; guests get a link to log in and come back. */
export function ReviewForm({ productId }: { productId: string }) {
  const pathname = usePathname();
  const user = useStore(sessionStore, (s) => s.user);
  const status = useStore(sessionStore, (s) => s.status);
  const [rating, setRating] = useState(0);
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [posted, setPosted] = useState<Review | null>(null);
  const [busy, setBusy] = useState(false);

  if (status !== "ready") return null;
  if (!user) {
    return (
      <p className="px-4 text-sm text-muted">
        <Link href={loginPath(pathname)} className="font-semibold text-brand underline">
          로그인
        </Link>
        하고 리뷰를 남겨 주세요.
      </p>
    );
  }
  if (posted) {
    return (
      <div className="flex flex-col gap-2">
        <div className="px-4">
          <Alert tone="success">리뷰가 등록되었어요. 고맙습니다!</Alert>
        </div>
        <ReviewList reviews={[posted]} />
      </div>
    );
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validate(reviewSchema, { rating, text });
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      setPosted(await createReview(browserTransport, productId, checked.data));
    } catch (error) {
      setErrors(
        error instanceof ApiError
          ? {
              ...error.byField(),
              form:
                error.code === "REVIEW_ALREADY_EXISTS"
                  ? "이미 이 상품에 리뷰를 남기셨어요."
                  : error.message,
            }
          : { form: "잠시 후 다시 시도해 주세요." },
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3 px-4" noValidate aria-label="리뷰 쓰기">
      <fieldset>
        <legend className="mb-1 text-sm font-semibold">별점</legend>
        <div className="flex gap-1">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="cursor-pointer">
              <input
                type="radio"
                name="rating"
                value={n}
                checked={rating === n}
                onChange={() => setRating(n)}
                className="peer sr-only"
              />
              <Star
                aria-hidden
                className={clsx(
                  "size-8 rounded peer-focus-visible:ring-2 peer-focus-visible:ring-accent",
                  n <= rating ? "fill-star text-star" : "text-slate-400",
                )}
              />
              <span className="sr-only">{n}점</span>
            </label>
          ))}
        </div>
        {errors.rating ? <p className="mt-1 text-sm text-sale">{errors.rating}</p> : null}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor="review-text" className="text-sm font-semibold">
          리뷰
        </label>
        <textarea
          id="review-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={4}
          maxLength={2000}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? "review-text-error" : undefined}
          className="rounded-lg border border-slate-300 p-3 text-sm"
          placeholder="상품은 어떠셨나요?"
        />
        {errors.text ? (
          <p id="review-text-error" className="text-sm text-sale">
            {errors.text}
          </p>
        ) : null}
      </div>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <button type="submit" disabled={busy} className={buttonPrimary}>
        {busy ? "등록 중…" : "리뷰 등록"}
      </button>
    </form>
  );
}
