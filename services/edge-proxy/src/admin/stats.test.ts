import { afterEach, describe, expect, test } from "bun:test";
import { edgeWithStorefront, htmlPage, tracker } from "../testing/servers.js";

const track = tracker();
afterEach(() => track.stopAll());

describe("/_edge/stats", () => {
  test("counts hits, misses and bypasses and gives the hit ratio, for platform callers only", async () => {
    const { edge } = await edgeWithStorefront(track, () => htmlPage("page"));
    await fetch(`${edge.url}/`); // miss
    await fetch(`${edge.url}/`); // hit
    await fetch(`${edge.url}/`); // hit
    await fetch(`${edge.url}/`, { headers: { rsc: "1" } }); // bypass
    expect((await fetch(`${edge.url}/_edge/stats`)).status).toBe(401);
    const answer = await fetch(`${edge.url}/_edge/stats`, {
      headers: { "x-internal-key": "test-internal-key" },
    });
    expect(answer.status).toBe(200);
    const stats = (await answer.json()) as {
      html: Record<string, number>;
      memory: { entries: number };
    };
    expect(stats.html).toMatchObject({ hit: 2, miss: 1, bypass: 1, renders: 1, hitRatio: 0.6667 });
    expect(stats.memory.entries).toBe(1);
  });
});
