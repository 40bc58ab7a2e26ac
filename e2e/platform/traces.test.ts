// Issue 9: a checkout through the edge is one trace across every part it reaches, down to
// PostgreSQL and Redis, with the saga's steps as spans — collected by a real OTLP/HTTP receiver
// on the port the e2e stack exports to.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { CheckoutResult } from "@shop/contracts";
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from "@shop/test-kit";
import { logLinesWith, stack } from "../harness.js";
import {
  addToCart,
  CARDS,
  checkoutBody,
  createProduct,
  guestSession,
  uniqueIp,
} from "../api/lib/fixtures.js";
import { call, edge, gateway } from "../api/lib/http.js";

/**
 * The SDK anchors each span's clock to the wall clock (millisecond precision) when the span
 * starts, so two spans of one process can disagree by up to a millisecond: orders between spans
 * are checked with this much slack (steps that take under a millisecond can otherwise swap).
 */
const CLOCK_SLACK_NS = 2_000_000n;

const SERVER = 2;
const ERROR = 2;
const TRACE_DEADLINE_MS = 60_000;
const CHECKOUT_PARTS = ["edge-proxy", "gateway", "order", "cart", "product", "payment"];
const PAID_STEPS = [
  "checkout.load-cart",
  "checkout.reserve-stock",
  "checkout.create-order",
  "checkout.authorize-payment",
  "checkout.commit-stock",
  "checkout.capture-payment",
  "checkout.mark-paid",
];

let receiver: OtlpReceiver;

before(async () => {
  const port = stack().otlpReceiverPort;
  assert.ok(port, "the e2e stack names the port its parts export traces to");
  receiver = await startOtlpReceiver(port);
});
after(() => receiver.close());

/** A guest with one product in the cart checks out through the edge with its own request id. */
async function checkoutThroughEdge(card: string) {
  const product = await createProduct({ stock: 5, price: 12_000, originalPrice: 12_000 });
  const guest = await guestSession();
  await addToCart(guest, product.id, 1);
  const requestId = `trace-${randomUUID()}`;
  const answer = await call(edge(), "/api/checkout", {
    token: guest.accessToken,
    idempotencyKey: randomUUID(),
    json: checkoutBody({}, card),
    headers: { "x-request-id": requestId },
  });
  assert.equal(answer.headers.get("x-request-id"), requestId);
  return { answer, requestId };
}

/** The spans of the trace `entry` started for `requestId` (empty until its span arrived). */
function traceFor(requestId: string, entry: string): ReceivedSpan[] {
  const root = receiver.spans.find(
    (s) =>
      s.service === entry && s.kind === SERVER && s.attributes["shop.request_id"] === requestId,
  );
  if (!root) return [];
  return receiver.spans.filter((s) => s.traceId === root.traceId);
}

/**
 * Polls until `missing(spans)` lists nothing for the request's trace; fails with what is still
 * missing (and anything the receiver refused) after the deadline.
 */
async function completeTrace(
  requestId: string,
  missing: (spans: ReceivedSpan[]) => string[],
  entry = "edge-proxy",
): Promise<ReceivedSpan[]> {
  const deadline = Date.now() + TRACE_DEADLINE_MS;
  for (;;) {
    const spans = traceFor(requestId, entry);
    const gaps = spans.length ? missing(spans) : [`the ${entry} server span`];
    if (gaps.length === 0) return spans;
    if (Date.now() > deadline) {
      const refused = receiver.rejected.length ? `; refused: ${receiver.rejected.join(", ")}` : "";
      assert.fail(
        `trace of ${requestId} incomplete after ${TRACE_DEADLINE_MS} ms: missing ${gaps.join(", ")}${refused}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const named = (spans: ReceivedSpan[], name: string) => spans.filter((s) => s.name === name);
const services = (spans: ReceivedSpan[]) => new Set(spans.map((s) => s.service));
const fromScope = (spans: ReceivedSpan[], scope: string) =>
  spans.filter((s) => s.scope === `@opentelemetry/instrumentation-${scope}`);

/** True when `span` sits (at any depth) under a span named `ancestor`. */
function descendsFrom(spans: ReceivedSpan[], span: ReceivedSpan, ancestor: string): boolean {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  for (let at = byId.get(span.parentSpanId ?? ""); at; at = byId.get(at.parentSpanId ?? "")) {
    if (at.name === ancestor) return true;
  }
  return false;
}

describe("issue 9: traces", () => {
  it("a paid checkout through the edge is one trace: every part, PostgreSQL, Redis and the saga steps with the order id", async () => {
    const { answer, requestId } = await checkoutThroughEdge(CARDS.visa);
    assert.equal(answer.status, 201, answer.text);
    const orderId = CheckoutResult.parse(answer.body).order.id;

    const spans = await completeTrace(requestId, (trace) => [
      ...CHECKOUT_PARTS.filter((part) => !services(trace).has(part)).map((p) => `spans of ${p}`),
      ...PAID_STEPS.filter((step) => named(trace, step).length === 0),
      ...(fromScope(trace, "pg").length ? [] : ["a PostgreSQL span"]),
      ...(fromScope(trace, "ioredis").length ? [] : ["a Redis span"]),
      ...(fromScope(trace, "nestjs-core").length ? [] : ["product's NestJS handler span"]),
    ]);

    const steps = PAID_STEPS.map((name) => named(spans, name)[0]!);
    for (const step of steps) {
      assert.equal(step.service, "order");
      assert.equal(step.attributes["shop.order_id"], orderId, `${step.name} names the order`);
    }
    steps.slice(1).forEach((step, i) => {
      const previous = steps[i]!;
      assert.ok(
        step.startNs + CLOCK_SLACK_NS >= previous.startNs,
        `the steps ran in the saga's order: ${step.name} after ${previous.name}`,
      );
    });
    const saga = named(spans, "checkout")[0];
    assert.equal(saga?.attributes["shop.order_id"], orderId);
    for (const step of steps)
      assert.equal(step.parentSpanId, saga?.spanId, `${step.name} under the saga`);
    assert.ok(
      fromScope(spans, "pg").some((s) => descendsFrom(spans, s, "checkout.create-order")),
      "the order's INSERT is a PostgreSQL span under create-order",
    );
    assert.ok(
      fromScope(spans, "pg").some((s) => s.service === "payment"),
      "payment's queries are in the trace",
    );

    // Every hop continued the edge's trace and names the request id on its server span (calls
    // a part makes on its own account inside the request, such as a JWKS refresh, have their own).
    const servers = spans.filter((s) => s.kind === SERVER);
    for (const part of CHECKOUT_PARTS)
      assert.ok(
        servers.some((s) => s.service === part && s.attributes["shop.request_id"] === requestId),
        `${part} has a server span with the request id`,
      );
    assert.deepEqual(
      spans.filter((s) => !s.parentSpanId).map((s) => `${s.service} ${s.name}`),
      ["edge-proxy POST"],
      "the edge's server span is the only root",
    );

    // The order's log line for the checkout carries the same trace.
    const traceId = steps[0]!.traceId;
    const deadline = Date.now() + 10_000;
    let lines = logLinesWith("order", requestId);
    while (!lines.some((l) => l.includes(`"trace_id":"${traceId}"`)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      lines = logLinesWith("order", requestId);
    }
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(
      logged.some((l) => l.trace_id === traceId && typeof l.span_id === "string"),
      `order logged ${requestId} with trace_id ${traceId}: ${lines.join("\n")}`,
    );
  });

  it("a product page rendered through the edge is one trace: edge, storefront, gateway, BFF, product", async () => {
    const product = await createProduct();
    const requestId = `trace-${randomUUID()}`;
    // A new product's page is in no cache yet: the edge asks the storefront to render it.
    const page = await call(edge(), `/products/${encodeURIComponent(product.slug)}`, {
      headers: { accept: "text/html", "x-request-id": requestId },
    });
    assert.equal(page.status, 200, page.text.slice(0, 200));
    const parts = ["edge-proxy", "storefront", "gateway", "bff", "product"];
    const spans = await completeTrace(requestId, (trace) =>
      parts.filter((part) => !services(trace).has(part)).map((part) => `spans of ${part}`),
    );
    const render = spans.find((s) => s.service === "storefront" && s.kind === SERVER);
    assert.ok(render, "Next's server span continues the edge's trace");
    assert.ok(
      spans.some((s) => s.service === "bff" && s.attributes["shop.request_id"] === requestId),
      "the request id reached the BFF",
    );
  });

  it("a guest session through the gateway is traced into auth (Koa) and its Redis commands", async () => {
    const requestId = `trace-${randomUUID()}`;
    const answer = await call(gateway(), "/api/auth/guest", {
      method: "POST",
      client: true,
      ip: uniqueIp(),
      headers: { "x-request-id": requestId },
    });
    assert.equal(answer.status, 201, answer.text);
    const spans = await completeTrace(
      requestId,
      (trace) => [
        ...(fromScope(trace, "koa").some((s) => s.service === "auth") ? [] : ["auth's Koa span"]),
        ...(fromScope(trace, "ioredis").some((s) => s.service === "auth") ? [] : ["auth's Redis"]),
      ],
      "gateway",
    );
    const auth = spans.find((s) => s.service === "auth" && s.kind === SERVER);
    assert.equal(auth?.attributes["shop.request_id"], requestId);
  });

  it("a declined card shows the failed authorisation and each undo as spans with the order id", async () => {
    const { answer, requestId } = await checkoutThroughEdge(CARDS.declined);
    assert.equal(answer.status, 402, answer.text);
    const undos = ["checkout.create-order.undo", "checkout.reserve-stock.undo"];

    const spans = await completeTrace(requestId, (trace) =>
      ["checkout.authorize-payment", ...undos].filter((name) => named(trace, name).length === 0),
    );
    const authorise = named(spans, "checkout.authorize-payment")[0]!;
    assert.equal(authorise.status, ERROR, "the authorisation span failed");
    const orderId = authorise.attributes["shop.order_id"];
    assert.ok(typeof orderId === "string" && orderId.length > 0);
    const [undoOrder, undoReservation] = undos.map((name) => named(spans, name)[0]!);
    for (const undo of [undoOrder!, undoReservation!]) {
      assert.equal(undo.attributes["shop.order_id"], orderId, `${undo.name} names the order`);
      assert.ok(
        undo.startNs + CLOCK_SLACK_NS >= authorise.endNs,
        `${undo.name} runs after the failure`,
      );
    }
    assert.ok(
      undoOrder!.startNs <= undoReservation!.startNs + CLOCK_SLACK_NS,
      "undone newest first",
    );
    assert.equal(named(spans, "checkout")[0]?.status, ERROR, "the saga span failed");
  });
});
