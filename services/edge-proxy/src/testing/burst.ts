/**
 * Fires N concurrent requests from its own process (as a load tool would; Bun caps one process at
 * 256 concurrent fetches, and a client sharing the edge's process would also share that cap) and
 * prints a JSON summary. Usage: bun src/testing/burst.ts '{"urls":["http://…"],"count":1000}'
 */
import { spawn } from "bun";

export interface BurstAnswer {
  status: number;
  xCache: string | null;
  cacheStatus: string | null;
  body: string;
}

interface BurstPlan {
  urls: string[];
  count: number;
  headers?: Record<string, string>;
}

/** Runs a burst in a child process and returns every answer (or the error text of a failed one). */
export async function burst(plan: BurstPlan): Promise<Array<BurstAnswer | { error: string }>> {
  const child = spawn([process.execPath, import.meta.path, JSON.stringify(plan)], {
    env: { ...Bun.env, BUN_CONFIG_MAX_HTTP_REQUESTS: String(Math.max(256, plan.count + 16)) },
    stdout: "pipe",
    stderr: "inherit",
  });
  const output = await new Response(child.stdout).text();
  await child.exited;
  return JSON.parse(output) as Array<BurstAnswer | { error: string }>;
}

if (import.meta.main) {
  const plan = JSON.parse(Bun.argv[2] ?? "{}") as BurstPlan;
  const answers = await Promise.all(
    Array.from({ length: plan.count }, async (_, i) => {
      try {
        const response = await fetch(plan.urls[i % plan.urls.length]!, { headers: plan.headers });
        return {
          status: response.status,
          xCache: response.headers.get("x-cache"),
          cacheStatus: response.headers.get("cache-status"),
          body: await response.text(),
        };
      } catch (error) {
        return { error: String(error) };
      }
    }),
  );
  process.stdout.write(JSON.stringify(answers));
}
