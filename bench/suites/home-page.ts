/**
 * Issue 5, benchmark 1: the home page answered by the edge proxy's cache (HIT) vs nginx's
 * proxy_cache (one worker) in front of the same storefront vs the storefront itself, at 100 and
 * 1000 connections, asking like a browser does (Accept-Encoding: gzip). Rounds are interleaved
 * (edge, nginx, storefront) so drift in the machine's load hits all three alike; the storefront is
 * left to finish the renders a stopped load queued before the next figure starts. A last level
 * repeats the two caches without compression (the ~300 KB identity body) for comparison.
 */
import { load, pgidOf, waitIdle, warmUp, type BenchContext } from "../lib/context.js";
import { toFigure, type HomeLevel, type HomeSuite } from "../lib/results.js";
import { probe } from "../lib/stack.js";
import { medianResult, type LoadResult } from "../lib/wrk.js";

/** The measured levels; goals are judged on the gzip ones. */
export const LEVELS: Array<{
  connections: number;
  encoding: "gzip" | "identity";
  storefront: boolean;
}> = [
  { connections: 100, encoding: "gzip", storefront: true },
  { connections: 1000, encoding: "gzip", storefront: true },
  { connections: 100, encoding: "identity", storefront: false },
];

/** Asks `url` until `header` says HIT (the first answers fill the cache); returns the body size. */
export async function untilHit(
  url: string,
  header: string,
  headers: Record<string, string>,
): Promise<number> {
  let last = "";
  for (let i = 0; i < 20; i++) {
    const res = await probe(url, headers);
    last = `${res.status} ${header}=${res.headers.get(header)}`;
    if (res.status === 200 && res.headers.get(header) === "HIT") return res.bytes;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} never answered a cache HIT (last: ${last})`);
}

export async function homePageSuite(ctx: BenchContext): Promise<HomeSuite> {
  const targets = {
    edge: `${ctx.stack.urls["edge-proxy"]}/`,
    nginx: `${ctx.extra.nginxHtml}/`,
    storefront: `${ctx.stack.urls.storefront}/`,
  };
  const gzip = { "accept-encoding": "gzip" };
  const direct = await probe(targets.storefront, gzip);
  if (direct.status !== 200) throw new Error(`the storefront answers / with ${direct.status}`);
  const pageBytes = {
    edge: await untilHit(targets.edge, "x-cache", gzip),
    nginx: await untilHit(targets.nginx, "x-cache", gzip),
    storefront: direct.bytes,
    identity: (await probe(targets.storefront)).bytes,
  };
  ctx.progress(
    `home page: ${pageBytes.edge} bytes gzip from the edge, ${pageBytes.nginx} from nginx, ` +
      `${pageBytes.storefront} from the storefront (${pageBytes.identity} uncompressed)`,
  );
  const storefrontGroup = pgidOf(ctx, "storefront");
  const { rounds, seconds } = ctx.settings;
  const levels: HomeLevel[] = [];

  // The storefront's own capacity: at 100 and 1000 connections its answers take longer than a
  // round (it renders every request), so its throughput is also measured where it can show it.
  ctx.progress("storefront capacity, 10 connections, gzip");
  await warmUp(ctx, { url: targets.storefront, connections: 10, headers: gzip });
  const capacity: LoadResult[] = [];
  for (let round = 1; round <= rounds; round++) {
    await waitIdle(storefrontGroup, 60_000);
    const options = { url: targets.storefront, connections: 10, seconds, headers: gzip };
    capacity.push(await load(ctx, `storefront, round ${round}/${rounds}`, options));
  }

  for (const { connections, encoding, storefront } of LEVELS) {
    const headers = { "accept-encoding": encoding };
    const label = `home page, ${connections} connections, ${encoding}`;
    ctx.progress(`${label}: warming up`);
    await untilHit(targets.edge, "x-cache", headers);
    await warmUp(ctx, { url: targets.edge, connections, headers });
    await untilHit(targets.nginx, "x-cache", headers);
    await warmUp(ctx, { url: targets.nginx, connections, headers });
    await waitIdle(storefrontGroup, 60_000);
    const runs: Record<keyof typeof targets, LoadResult[]> = {
      edge: [],
      nginx: [],
      storefront: [],
    };
    for (let round = 1; round <= rounds; round++) {
      ctx.progress(`${label}, round ${round}/${rounds}`);
      // A page past its TTL is refreshed now, not in the middle of the measured round.
      await untilHit(targets.edge, "x-cache", headers);
      runs.edge.push(
        await load(ctx, "edge HIT  ", { url: targets.edge, connections, seconds, headers }),
      );
      await untilHit(targets.nginx, "x-cache", headers);
      runs.nginx.push(
        await load(ctx, "nginx HIT ", { url: targets.nginx, connections, seconds, headers }),
      );
      if (!storefront) continue;
      runs.storefront.push(
        await load(ctx, "storefront", { url: targets.storefront, connections, seconds, headers }),
      );
      // Next keeps rendering requests whose connections wrk has closed: let it finish.
      await waitIdle(storefrontGroup, 60_000);
    }
    levels.push({
      connections,
      encoding,
      edge: toFigure(medianResult(runs.edge)),
      nginx: toFigure(medianResult(runs.nginx)),
      ...(storefront ? { storefront: toFigure(medianResult(runs.storefront)) } : {}),
    });
  }
  return { pageBytes, storefrontCapacity: toFigure(medianResult(capacity)), levels };
}
