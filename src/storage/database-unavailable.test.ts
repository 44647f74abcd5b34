import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, openDatabase } from "./database.js";

describe("isDatabaseUnavailable", () => {
  it("recognises a PostgreSQL server that does not answer", async () => {
    const database = openDatabase({ dialect: "postgres", url: "postgres://nobody@127.0.0.1:1/none" });
    const error = await database.db
      .selectNoFrom((eb) => eb.lit(1).as("x"))
      .execute()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    await database.close();
    expect(error).toBeDefined();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("does not mistake a bad query or a plain error for an outage", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: { code: "ECONNREFUSED" } }))).toBe(true);
  });
});
