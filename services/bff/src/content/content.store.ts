/** Loads the home content file once at start and answers what is live at a given instant. */
import { readFileSync } from "node:fs";
import { zodFieldErrors } from "@shop/platform";
import { HomeContent } from "./content.schemas.js";

/** Thrown at start when the content file is missing or invalid; names the file and each field. */
export class ContentError extends Error {
  override name = "ContentError";
}

export function loadContent(file: string): HomeContent {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ContentError(`Cannot read home content ${file}: ${(error as Error).message}`);
  }
  const result = HomeContent.safeParse(raw);
  if (!result.success) {
    const lines = zodFieldErrors(result.error).map((e) => `  - ${e.field}: ${e.message}`);
    throw new ContentError(`Invalid home content ${file}:\n${lines.join("\n")}`);
  }
  return result.data;
}

interface Scheduled {
  startsAt?: string | undefined;
  endsAt?: string | undefined;
}

/** True while `now` is inside the item's window (start inclusive, end exclusive). */
export function isLive(item: Scheduled, now: Date): boolean {
  const t = now.getTime();
  return (
    (!item.startsAt || Date.parse(item.startsAt) <= t) &&
    (!item.endsAt || t < Date.parse(item.endsAt))
  );
}

/**
 * Seconds until the next scheduled start or end after `now`, or undefined when none is ahead.
 * Used to keep a cached home page from outliving a promotion that ends.
 */
export function secondsUntilNextChange(content: HomeContent, now: Date): number | undefined {
  const t = now.getTime();
  let next: number | undefined;
  for (const component of content.components) {
    const items: Scheduled[] =
      component.type === "banner"
        ? component.slides
        : component.type === "promotion"
          ? [component]
          : [];
    for (const item of items) {
      for (const edge of [item.startsAt, item.endsAt]) {
        const at = edge ? Date.parse(edge) : NaN;
        if (at > t && (next === undefined || at < next)) next = at;
      }
    }
  }
  return next === undefined ? undefined : Math.max(1, Math.ceil((next - t) / 1000));
}
