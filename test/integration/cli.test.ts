import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { carnetVersion } from "../../src/shared/package-info.js";
import { freePort, runCli, startServer } from "../support/cli.js";
import { testDialects } from "../support/databases.js";

const dir = mkdtempSync(join(tmpdir(), "carnet-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The one line a configuration error prints, and no stack trace. */
function expectOneCleanLine(stderr: string) {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^carnet: /);
  expect(stderr).not.toMatch(/\n\s+at\s/);
}

describe("carnet CLI", () => {
  it("prints its version and help", async () => {
    expect((await runCli(["--version"])).stdout.trim()).toBe(carnetVersion);
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("serve");
    expect(help.stdout).toContain("db");
    const fr = await runCli(["serve", "--help"], { CARNET_LANG: "fr" });
    expect(fr.stdout).toContain("Démarrer le serveur Carnet");
  });

  it("exits 2 on an unknown command", async () => {
    const result = await runCli(["frobnicate"]);
    expect(result.code).toBe(2);
  });

  it.each([
    [{ DATABASE_URL: "not-a-url" }, [], /DATABASE_URL 'not-a-url' is not a PostgreSQL URL/],
    [{ PORT: "eighty" }, [], /Port 'eighty' is not valid/],
    [
      {},
      ["--data", "/etc/hostname/sub"],
      /data directory '\/etc\/hostname\/sub' cannot be written to \(ENOTDIR\)/,
    ],
    [{ LOG_LEVEL: "chatty" }, [], /Log level 'chatty' is not valid/],
  ])("refuses bad configuration %o %o with one line and exit 2", async (env, args, message) => {
    const result = await runCli(["serve", ...args], { CARNET_DATA_DIR: join(dir, "bad"), ...env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expectOneCleanLine(result.stderr);
  });

  it("explains an unreachable PostgreSQL server in one line", async () => {
    const port = await freePort();
    const result = await runCli(["db", "migrate"], {
      DATABASE_URL: `postgres://carnet@127.0.0.1:${port}/carnet`,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Cannot connect to the database at 127\.0\.0\.1:\d+ \(ECONNREFUSED/);
    expectOneCleanLine(result.stderr);
  });

  it("says in French when the port is taken", async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      const result = await runCli(
        ["serve", "--host", "127.0.0.1", "--port", String(port), "--data", join(dir, "busy")],
        {
          CARNET_LANG: "fr",
        },
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Le port ${port} est déjà utilisé`);
      expectOneCleanLine(result.stderr);
    } finally {
      blocker.close();
    }
  });

  it("migrates an embedded database, then finds nothing to do", async () => {
    const data = join(dir, "migrate");
    const first = await runCli(["db", "migrate", "--data", data]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/is up to date \([1-9]\d* migration\(s\) applied now/);
    const second = await runCli(["db", "migrate", "--data", data]);
    expect(second.stdout).toMatch(/\(0 migration\(s\) applied now/);
  });

  it("serves, stops cleanly on SIGTERM, and keeps its data across restarts", async () => {
    const data = join(dir, "serve");
    const port = await freePort();
    const args = ["--host", "127.0.0.1", "--port", String(port), "--data", data];
    const first = await startServer(args);
    const health = await fetch(`${first.url}/healthz`);
    expect(await health.json()).toMatchObject({ status: "ok", database: "sqlite" });
    const instance = /"instance_id"/.test(first.output());
    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain("Carnet stopped.");
    expect(instance).toBe(false); // nothing sensitive is logged

    const second = await startServer(args);
    expect(second.output()).toContain('"migrationsApplied":[]');
    expect(await second.stop("SIGINT")).toBe(0);
  }, 150_000); // two starts of the server, each allowed 50 s on a loaded machine
});

describe.each(testDialects().filter((d) => d.name === "postgres"))("carnet serve on $name", (dialect) => {
  it("reports postgres in /healthz", async () => {
    const database = await dialect.create();
    try {
      if (database.settings.dialect !== "postgres") throw new Error("expected postgres");
      const port = await freePort();
      const server = await startServer(["--host", "127.0.0.1", "--port", String(port)], {
        DATABASE_URL: database.settings.url,
        CARNET_DATA_DIR: join(dir, "pg"),
      });
      const body = await (await fetch(`${server.url}/healthz`)).json();
      expect(body).toMatchObject({ status: "ok", database: "postgres" });
      expect(await server.stop()).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
