/** Korean messages for checkout failures, by error code. */
import type { ApiError } from "@/lib/api/http";

const MESSAGES: Record<string, string> = {
  PAYMENT_DECLINED: "카드 결제가 거절되었어요. 카드 정보를 확인하거나 다른 카드로 시도해 주세요.",
  PAYMENT_FAILED: "결제사 응답에 문제가 있어 결제하지 못했어요. 잠시 후 다시 시도해 주세요.",
  INSUFFICIENT_STOCK: "주문하는 사이 재고가 부족해진 상품이 있어요. 장바구니를 확인해 주세요.",
  CART_EMPTY: "장바구니가 비어 있어요.",
  IDEMPOTENCY_KEY_IN_USE: "주문을 처리하고 있어요. 잠시만 기다려 주세요.",
  AUTH_REQUIRED: "세션이 만료되었어요. 페이지를 새로 고친 뒤 다시 시도해 주세요.",
  UPSTREAM_UNAVAILABLE:
    "결제 서비스에 연결할 수 없어요. 잠시 후 다시 시도해 주세요. 결제는 진행되지 않았어요.",
  UPSTREAM_TIMEOUT: "결제 서비스 응답이 늦어요. 잠시 후 주문 내역을 확인해 주세요.",
};

export function checkoutMessage(error: ApiError): string {
  return (
    MESSAGES[error.code] ?? (error.status >= 500 ? MESSAGES.UPSTREAM_UNAVAILABLE! : error.message)
  );
}

/** Failures worth retrying with the same Idempotency-Key (the server may not have seen the first try). */
export function isTransient(error: ApiError): boolean {
  return (
    error.status >= 500 ||
    error.code === "IDEMPOTENCY_KEY_IN_USE" ||
    error.code === "UPSTREAM_UNAVAILABLE"
  );
}
