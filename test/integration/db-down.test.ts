import { describe, expect, it } from "vitest";
import { registerUser } from "../support/accounts.js";
import { createTestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

describe.each(testDialects())("account routes with the database gone on $name", (dialect) => {
  it("answer 503 database_unavailable, never a stack trace", async () => {
    const t = await createTestApp(dialect);
    const user = await registerUser(t.app);
    await t.context.database.close();
    const me = await t.app.inject({ url: "/api/v1/account", cookies: user.cookies });
    const signIn = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: user.email, password: user.password },
    });
    for (const response of [me, signIn]) {
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe("database_unavailable");
      expect(response.body).not.toMatch(/\sat\s|destroyed|not open/);
    }
    await t.close();
  });
});
