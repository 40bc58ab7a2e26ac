import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AppShell } from "@/components/layout/app-shell";
import { PageHeader } from "@/components/layout/page-header";
import { buttonPrimary } from "@/components/ui/styles";

export const metadata: Metadata = { title: "페이지를 찾을 수 없습니다", robots: { index: false } };

export default function NotFound() {
  return (
    <AppShell>
      <PageHeader title="404" />
      <div className="flex flex-col items-center gap-3 px-6 py-16 text-center">
        <p className="text-5xl font-black text-brand">404</p>
        <h2 className="text-xl font-bold">찾으시는 페이지가 없어요</h2>
        <p className="text-sm text-muted">
          주소가 바뀌었거나 판매가 끝난 상품일 수 있어요. 검색으로 다시 찾아보세요.
        </p>
        <Link href="/" className={buttonPrimary}>
          홈으로 가기
        </Link>
      </div>
    </AppShell>
  );
}
