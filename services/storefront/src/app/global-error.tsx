"use client";

/** Last-resort boundary (the root layout itself failed): plain markup, no app styles needed. */
export default function GlobalError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="ko">
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          display: "grid",
          placeItems: "center",
          minHeight: "100vh",
          margin: 0,
        }}
      >
        <main style={{ textAlign: "center", padding: 24 }}>
          <h1 style={{ fontSize: 20 }}>잠시 문제가 생겼어요</h1>
          <p style={{ color: "#4b5563" }}>잠시 후 다시 시도해 주세요.</p>
          <button
            type="button"
            onClick={reset}
            style={{ padding: "10px 20px", borderRadius: 10, border: "1px solid #cbd5e1" }}
          >
            다시 시도
          </button>
        </main>
      </body>
    </html>
  );
}
