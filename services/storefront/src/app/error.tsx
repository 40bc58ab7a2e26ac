"use client";

import { Link } from "@/components/ui/link";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";

/** A friendly error page: never the error's message or stack, only what the visitor can do. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="mx-auto flex min-h-dvh max-w-[480px] flex-col items-center justify-center gap-3 bg-white px-6 text-center">
      <h1 className="text-xl font-bold">잠시 문제가 생겼어요</h1>
      <p className="text-sm text-muted">
        일시적인 오류로 페이지를 보여드리지 못했어요. 잠시 후 다시 시도해 주세요.
      </p>
      {error.digest ? <p className="text-xs text-slate-600">오류 코드: {error.digest}</p> : null}
      <div className="mt-2 flex gap-2">
        <button type="button" onClick={reset} className={buttonPrimary}>
          다시 시도
        </button>
        <Link href="/" className={buttonSecondary}>
          홈으로
        </Link>
      </div>
    </div>
  );
}
