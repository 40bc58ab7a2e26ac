/** Bench item 4: 50 concurrent identical POSTs with one Idempotency-Key → exactly one upstream execution. */
import { randomUUID } from "node:crypto";

export async function runIdempotencyBench(
  gatewayUrl: string,
  upstreamUrl: string,
  auth: Record<string, string>,
) {
  const writes = async () =>
    ((await (await fetch(`${upstreamUrl}/__writes`)).json()) as { writes: number }).writes;
  const before = await writes();
  const key = randomUUID();
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: 50 }, () =>
      fetch(`${gatewayUrl}/api/bench-write`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify({ items: [{ productId: "p-1", quantity: 1 }] }),
      }),
    ),
  );
  const statuses: Record<string, number> = {};
  let replayed = 0;
  for (const res of answers) {
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.headers.get("idempotent-replayed") === "true") replayed++;
    await res.arrayBuffer();
  }
  return {
    requests: 50,
    upstreamExecutions: (await writes()) - before,
    statuses,
    replayed,
    ms: Math.round(performance.now() - started),
  };
}
