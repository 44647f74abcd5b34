import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, redactUrl } from "./config.js";

describe("parseConfig", () => {
  it("defaults to SQLite under ./data on port 3000", () => {
    const config = parseConfig({}, "/srv/carnet");
    expect(config).toMatchObject({
      port: 3000,
      dataDir: "/srv/carnet/data",
      database: { dialect: "sqlite", file: "/srv/carnet/data/carnet.sqlite" },
      logLevel: "info",
    });
  });

  it("accepts a PostgreSQL URL", () => {
    const config = parseConfig({ databaseUrl: "postgresql://me@db.example:5432/carnet" });
    expect(config.database).toEqual({ dialect: "postgres", url: "postgresql://me@db.example:5432/carnet" });
  });

  it.each([
    [{ databaseUrl: "not a url" }, "config.invalid_database_url"],
    [{ databaseUrl: "mysql://x@h/db" }, "config.invalid_database_url"],
    [{ port: "http" }, "config.invalid_port"],
    [{ port: 70000 }, "config.invalid_port"],
    [{ logLevel: "loud" }, "config.invalid_log_level"],
  ])("rejects %o with %s", (input, key) => {
    try {
      parseConfig(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).key).toBe(key);
    }
  });

  it("never prints a password", () => {
    expect(redactUrl("postgres://u:secret@h/db")).toBe("postgres://u:***@h/db");
    expect(redactUrl("postgres://u:secret@h:port/db")).toBe("postgres://***@h:port/db");
  });
});
