// The parts manifest is consistent: folders exist, ports are unique, dependencies come first.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { e2eSlot, stackProfiles } from "./launcher/stacks.js";
import { parts, startOrder, type Part } from "./parts.js";

const root = join(import.meta.dirname, "..");

test("every part has its folder, package and distinct port", () => {
  const ports = new Set<number>();
  for (const part of parts) {
    assert.ok(existsSync(join(root, part.folder, "package.json")), `${part.folder}/package.json`);
    assert.ok(existsSync(join(root, part.folder, "README.md")), `${part.folder}/README.md`);
    assert.ok(!ports.has(part.port), `port ${part.port} used twice`);
    ports.add(part.port);
  }
});

test("start order puts every part after what it depends on", () => {
  const order = startOrder().map((p) => p.name);
  for (const part of parts) {
    for (const dep of part.dependsOn) {
      assert.ok(order.indexOf(dep) < order.indexOf(part.name), `${dep} before ${part.name}`);
    }
  }
});

test("a dependency cycle or an unknown part is refused", () => {
  const a = { ...parts[0]!, name: "product", dependsOn: ["member"] } as Part;
  const b = { ...parts[1]!, name: "member", dependsOn: ["product"] } as Part;
  assert.throws(() => startOrder([a, b]), /cycle/);
  assert.throws(() => startOrder([{ ...a, dependsOn: ["nope" as Part["name"]] }]), /unknown part/);
});

test("stacks never share ports, databases, Redis DBs or prefixes", () => {
  const profiles = [
    stackProfiles.dev,
    stackProfiles.e2e,
    stackProfiles.bench,
    e2eSlot(1),
    e2eSlot(9),
  ];
  const seen = { offset: new Set<number>(), db: new Set<number>(), prefix: new Set<string>() };
  for (const p of profiles) {
    assert.ok(!seen.offset.has(p.portOffset), `${p.name} port offset`);
    assert.ok(!seen.db.has(p.redisDb), `${p.name} Redis DB`);
    assert.ok(!seen.prefix.has(p.dbPrefix), `${p.name} database prefix`);
    seen.offset.add(p.portOffset);
    seen.db.add(p.redisDb);
    seen.prefix.add(p.dbPrefix);
  }
  assert.ok(Math.max(...[...seen.db]) < 15, "DB 15 stays for unit tests");
  assert.throws(() => e2eSlot(10));
});
