/** `GET /api/home`. */
import type { App } from "@shop/platform/fastify";
import { HomePage, Problem } from "@shop/contracts";
import { secondsUntilNextChange } from "../content/content.store.js";
import { cacheFor, markDegraded } from "../http/cache-headers.js";
import { buildHomePage, type HomeDeps } from "./home.service.js";

export function homeRoutes(
  app: App,
  deps: HomeDeps & { cacheSeconds: number; clock: () => Date },
): void {
  app.get(
    "/api/home",
    {
      schema: {
        tags: ["home"],
        summary: "The home page as UI components",
        description:
          "Banner and promotion come from the BFF's content file; categories, product rails and reviews from the product service, fetched in parallel. A component whose upstream fails or is slow is left out, named in `degraded` and in the `X-Degraded` header, and the answer is then not cacheable.",
        response: { 200: HomePage, 500: Problem },
      },
    },
    async (_request, reply) => {
      const now = deps.clock();
      const page = await buildHomePage(deps, now);
      if (page.degraded.length > 0) markDegraded(reply, page.degraded);
      else
        cacheFor(
          reply,
          Math.min(deps.cacheSeconds, secondsUntilNextChange(deps.content, now) ?? Infinity),
        );
      return page;
    },
  );
}
