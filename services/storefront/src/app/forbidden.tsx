import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AppShell } from "@/components/layout/app-shell";
import { PageHeader } from "@/components/layout/page-header";
import { buttonPrimary } from "@/components/ui/styles";

export const metadata: Metadata = { title: "권한이 없습니다", robots: { index: false } };

export default function Forbidden() {
  return (
    <AppShell>
      <PageHeader title="403" />
      <div className="flex flex-col items-center gap-3 px-6 py-16 text-center">
        <h2 className="text-xl font-bold">이 페이지를 볼 권한이 없어요</h2>
        <p className="text-sm text-muted">관리자 계정으로 로그인해야 열 수 있는 페이지입니다.</p>
        <Link href="/" className={buttonPrimary}>
          홈으로 가기
        </Link>
      </div>
    </AppShell>
  );
}
