// The deployment files agree with the parts manifest, and `docker compose config` accepts them.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { parts } from "./parts.js";

const root = join(import.meta.dirname, "..");
const composeFile = join(root, "infra/docker-compose.yml");
interface ComposeService {
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  ports?: string[];
  healthcheck?: { test: unknown };
  environment?: Record<string, string>;
  profiles?: string[];
}
const compose = parse(readFileSync(composeFile, "utf8")) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};

const NODE_TEMPLATE = "infra/node-service.Dockerfile";

test("every part is a compose service built from its own Dockerfile or the Node service template", () => {
  for (const part of parts) {
    const service = compose.services[part.name];
    assert.ok(service, `compose has no service named ${part.name}`);
    const dockerfile = service.build?.dockerfile ?? "";
    if (dockerfile === NODE_TEMPLATE) {
      assert.equal(service.build?.args?.SERVICE, part.folder.replace(/^services\//, ""), part.name);
      assert.equal(service.build?.args?.PORT, String(part.port), part.name);
      assert.ok(
        !existsSync(join(root, part.folder, "Dockerfile")),
        `${part.folder}/Dockerfile repeats the template`,
      );
    } else {
      assert.equal(dockerfile, `${part.folder}/Dockerfile`);
    }
    assert.ok(existsSync(join(root, dockerfile)), `${dockerfile} is missing`);
    assert.ok(service.healthcheck?.test, `${part.name} has no health check`);
    assert.equal(
      service.environment?.PORT,
      String(part.port),
      `${part.name} listens on its manifest port`,
    );
  }
});

test("only the public parts publish ports", () => {
  for (const [name, service] of Object.entries(compose.services)) {
    const part = parts.find((p) => p.name === name);
    // The operators' tools of the observability profile publish on this host only.
    const hostOnly = (service.ports ?? []).every((port) => port.startsWith("127.0.0.1:"));
    if (service.profiles?.includes("observability") && hostOnly) continue;
    const publishes = (service.ports ?? []).length > 0;
    assert.equal(
      publishes,
      Boolean(part?.public),
      `${name} ${publishes ? "publishes" : "does not publish"} a port`,
    );
  }
});

test("data lives in named volumes", () => {
  for (const volume of ["pgdata", "redisdata", "images"])
    assert.ok(volume in compose.volumes, `volume ${volume}`);
});

test("docker compose config accepts the file", (t) => {
  const env = {
    ...process.env,
    INTERNAL_KEY: "k",
    POSTGRES_PASSWORD: "p",
    ADMIN_EMAIL: "a@example.com",
    ADMIN_PASSWORD: "pw",
    AUTH_CLIENT_KEY: "c",
    AUTH_SIGNING_KEYS: "[]",
    WEBHOOK_SECRET: "w",
  };
  const plugin = spawnSync("docker", ["compose", "version"], { encoding: "utf8" });
  const standalone = spawnSync("docker-compose", ["version"], { encoding: "utf8" });
  const command =
    plugin.status === 0
      ? ["docker", "compose"]
      : standalone.status === 0
        ? ["docker-compose"]
        : undefined;
  if (!command) {
    t.skip("neither `docker compose` nor `docker-compose` is installed");
    return;
  }
  const result = spawnSync(command[0]!, [...command.slice(1), "-f", composeFile, "config", "-q"], {
    encoding: "utf8",
    env,
  });
  assert.equal(result.status, 0, result.stderr);
});
