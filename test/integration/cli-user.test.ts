import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/build-server.js";
import { type AppContext, createAppContext } from "../../src/services/app-context.js";
import { runCli } from "../support/cli.js";
import { type TestDatabase, testDialects } from "../support/databases.js";

describe.each(testDialects())("carnet user create on $name", (dialect) => {
  let database: TestDatabase;
  let flags: string[];
  beforeAll(async () => {
    database = await dialect.create();
    const settings = database.settings;
    flags = settings.dialect === "sqlite" ? ["-d", dirname(settings.file)] : ["--database-url", settings.url];
  });
  afterAll(() => database.drop());

  async function signIn(email: string, password: string): Promise<{ status: number; role?: string }> {
    const context: AppContext = await createAppContext(database.settings);
    const app = await buildServer(context, { logLevel: "silent" });
    try {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email, password },
      });
      return { status: response.statusCode, role: response.json().account?.role };
    } finally {
      await app.close();
      await context.close();
    }
  }

  it("creates a super admin with a generated password that signs in", async () => {
    const result = await runCli(["user", "create", "--email", "Root@Example.org", "--admin", ...flags]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Account Root@Example.org created (super_admin).");
    const password = /: ([a-zA-Z2-9]{20})\s*$/m.exec(result.stdout)?.[1];
    expect(password).toBeDefined();
    expect(await signIn("root@example.org", password ?? "")).toEqual({ status: 200, role: "super_admin" });
  }, 180_000);

  it("reads the password from standard input and refuses a taken e-mail", async () => {
    const created = await runCli(
      ["user", "create", "--email", "bob@example.org", "--name", "Bob", "--password-stdin", ...flags],
      {},
      "bob's long password\n",
    );
    expect(created.code).toBe(0);
    expect(created.stdout).not.toMatch(/Generated password/);
    expect(await signIn("bob@example.org", "bob's long password")).toEqual({ status: 200, role: "user" });

    const again = await runCli(["user", "create", "--email", "BOB@example.org", ...flags]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe("carnet: An account already uses BOB@example.org.");
    const invalid = await runCli(["user", "create", "--email", "not-an-address", ...flags]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/^carnet: Invalid account details: email:/);
    const empty = await runCli(
      ["user", "create", "--email", "c@example.org", "--password-stdin", ...flags],
      {},
      "",
    );
    expect(empty.code).toBe(2);
  }, 180_000);
});
