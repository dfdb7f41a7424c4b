import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.js";

describe("parseConfig", () => {
  it("boots with no environment at all: embedded database under ./data, port 3000", () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: "pglite", dir: "./data/db" });
    expect(config.isProduction).toBe(false);
    expect(config.autoImport).toBe(true);
  });

  it("accepts .env.example as it is, so a copy of it boots the app", () => {
    const lines = readFileSync(new URL("../.env.example", import.meta.url), "utf8").split("\n");
    const env = Object.fromEntries(
      lines.filter((line) => line.trim() && !line.startsWith("#")).map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    expect(Object.keys(env).length).toBeGreaterThan(10);
    expect(parseConfig(env).database).toEqual({ kind: "pglite", dir: "./data/db" });
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    const config = parseConfig({ DATABASE_URL: "postgres://app@db:5432/everybody" });
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://app@db:5432/everybody" });
  });

  it("names every bad variable at once, with what it expected", () => {
    let error: unknown;
    try {
      parseConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    expect(problems).toMatch(/^PORT="eighty": /m);
    expect(problems).toMatch(/^DATABASE_URL="mysql:\/\/x": expected a postgres:\/\//m);
    expect(problems).toMatch(/^LOG_LEVEL="loud": /m);
  });

  it("treats empty values as unset, as .env files write them", () => {
    expect(parseConfig({ PORT: "", DATABASE_URL: "" }).database.kind).toBe("pglite");
  });

  it("requires SECRET_KEY and PUBLIC_URL in production", () => {
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(/SECRET_KEY.*openssl rand/);
    expect(() => parseConfig({ NODE_ENV: "production", SECRET_KEY: "x".repeat(32) })).toThrow(/PUBLIC_URL="": required in production/);
    const config = parseConfig({ NODE_ENV: "production", SECRET_KEY: "x".repeat(32), PUBLIC_URL: "https://m4a.example/" });
    expect(config.secretKey).toBe("x".repeat(32));
    expect(config.publicUrl).toBe("https://m4a.example");
  });

  it("refuses several processes on the embedded database", () => {
    expect(() => parseConfig({ WEB_CONCURRENCY: "4" })).toThrow(/WEB_CONCURRENCY="4": several processes need PostgreSQL/);
    expect(parseConfig({ WEB_CONCURRENCY: "4", DATABASE_URL: "postgresql://h/db" }).webConcurrency).toBe(4);
  });
});
