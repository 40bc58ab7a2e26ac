import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { config } from "@/config";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(config().PUBLIC_URL),
  title: { default: "모아샵 — 오늘의 추천 상품", template: "%s | 모아샵" },
  description: "의류, 신발, 가방, 액세서리, 뷰티까지. 모아샵에서 할인 상품과 신상품을 만나 보세요.",
  applicationName: "모아샵",
  openGraph: { siteName: "모아샵", locale: "ko_KR", type: "website" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#ffffff",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ko">
      <body className="font-sans">{children}</body>
    </html>
  );
}
