import { describe, expect, test } from "bun:test";
import { ConfigError } from "@shop/platform";
import { readConfig } from "./config.js";

describe("configuration", () => {
  test("defaults match the platform's ports and routes", () => {
    const config = readConfig({});
    expect(config.PORT).toBe(9000);
    expect(config.STOREFRONT_URL).toBe("http://127.0.0.1:3000");
    expect(config.GATEWAY_URL).toBe("http://127.0.0.1:8000");
    expect(config.HTML_CACHE_ROUTES).toEqual([
      "/",
      "/categories",
      "/categories/*",
      "/products/*",
      "/search",
    ]);
    expect(config.HTML_CACHE_TTL_SECONDS).toBe(60);
  });

  test("a bad variable stops the start with its name", () => {
    expect(() => readConfig({ PORT: "ninety" })).toThrow(/PORT/);
    expect(() => readConfig({ HTML_CACHE_ROUTES: "/,products/*" })).toThrow(/HTML_CACHE_ROUTES/);
    expect(() => readConfig({ REDIS_URL: "localhost:6379" })).toThrow(/REDIS_URL/);
  });

  test("production refuses the development secrets", () => {
    expect(() => readConfig({ NODE_ENV: "production" })).toThrow(ConfigError);
    const strong = "k".repeat(40);
    expect(
      readConfig({ NODE_ENV: "production", INTERNAL_KEY: strong, AUTH_CLIENT_KEY: strong })
        .NODE_ENV,
    ).toBe("production");
  });
});
