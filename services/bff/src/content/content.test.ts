import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { readConfig } from "../config.js";
import { ContentError, isLive, loadContent, secondsUntilNextChange } from "./content.store.js";

const dir = mkdtempSync(join(tmpdir(), "bff-content-"));
function file(content: unknown): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const promo = {
  id: "promo",
  type: "promotion",
  title: "Sale",
  cta: { text: "Go", href: "/search?onSale=true" },
  visual: { gradient: { from: "#000000", to: "#ffffff" } },
  startsAt: "2026-12-01T00:00:00Z",
  endsAt: "2026-12-08T00:00:00Z",
};

describe("home content", () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("ships a valid content file with every component type", () => {
    const content = loadContent(readConfig({}).CONTENT_FILE);
    assert.ok(content.version >= 1);
    const types = new Set(content.components.map((c) => c.type));
    for (const type of [
      "banner",
      "categories",
      "featuredProducts",
      "newArrivals",
      "promotion",
      "reviews",
    ]) {
      assert.ok(types.has(type as never), `content has a ${type}`);
    }
  });

  it("refuses an invalid file at start, naming the file and every bad field", () => {
    const bad = file({
      version: 0,
      updatedAt: "yesterday",
      components: [
        { ...promo, cta: { text: "Go", href: "javascript:alert(1)" } },
        { ...promo, visual: {} },
        { ...promo, startsAt: "2026-12-09T00:00:00Z" },
      ],
    });
    assert.throws(
      () => loadContent(bad),
      (error: Error) => {
        assert.ok(error instanceof ContentError);
        for (const field of [
          "version",
          "updatedAt",
          "components.0.cta.href",
          "components.1.visual",
          "components.1.id",
          "components.2.endsAt",
        ]) {
          assert.ok(error.message.includes(field), `${field} in ${error.message}`);
        }
        return error.message.includes(bad);
      },
    );
    assert.throws(() => loadContent(file("{ not json")), ContentError);
    assert.throws(() => loadContent(join(dir, "missing.json")), ContentError);
  });

  it("shows scheduled content only inside its window and caps the cache at the next change", () => {
    assert.equal(isLive(promo, new Date("2026-11-30T23:59:59Z")), false);
    assert.equal(isLive(promo, new Date("2026-12-01T00:00:00Z")), true);
    assert.equal(isLive(promo, new Date("2026-12-08T00:00:00Z")), false);
    const content = loadContent(
      file({ version: 1, updatedAt: "2026-11-25T00:00:00Z", components: [promo] }),
    );
    assert.equal(secondsUntilNextChange(content, new Date("2026-11-30T23:58:00Z")), 120);
    assert.equal(secondsUntilNextChange(content, new Date("2026-12-07T23:59:30Z")), 30);
    assert.equal(secondsUntilNextChange(content, new Date("2026-12-09T00:00:00Z")), undefined);
  });
});
