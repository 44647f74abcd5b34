import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "../support/accounts.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

interface Detail {
  path: string;
  code: string;
  message: string;
  in?: string;
}

describe.each(testDialects())("validation details and 413 in the request's language on $name", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const register = (payload: object, headers: Record<string, string> = {}, url = "/api/v1/auth/register") =>
    t.app.inject({ method: "POST", url, headers, payload });
  const byPath = (details: Detail[]) => Object.fromEntries(details.map((d) => [d.path, d]));

  it("writes each field's message in French when the request asks for French", async () => {
    const response = await register(
      { email: "not an address", password: "short", displayName: "   ", preferredLanguage: "de" },
      { "accept-language": "fr-FR,fr;q=0.9" },
    );
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toBe("Les données envoyées ne sont pas valides.");
    const details = byPath(body.error.details);
    expect(details["/email"]).toMatchObject({ code: "invalid_format", in: "body" });
    expect(details["/email"]?.message).toBe(
      "Ce n’est pas une adresse électronique (écrivez-la sous la forme nom@exemple.fr).",
    );
    expect(details["/password"]?.message).toBe("Au moins 10 caractères.");
    expect(details["/displayName"]?.message).toBe("Ne doit pas être vide.");
    expect(details["/preferredLanguage"]?.message).toBe("Valeur attendue parmi : en, fr.");
  });

  it("answers the same problems in English, and names missing fields and wrong types", async () => {
    const french = await register({ password: 12 }, { "accept-language": "fr" });
    const frDetails = byPath(french.json().error.details);
    expect(frDetails["/email"]?.message).toBe("Ce champ est obligatoire.");
    expect(frDetails["/password"]?.message).toBe("Attendu : du texte.");
    const english = await register({ password: 12 }, {}, "/api/v1/auth/register?lang=en");
    const enDetails = byPath(english.json().error.details);
    expect(enDetails["/email"]).toMatchObject({ code: "invalid_type", message: "This field is required." });
    expect(enDetails["/password"]?.message).toBe("Expected text.");
    const tooLong = await register(
      { email: `${"a".repeat(250)}@example.org`, password: "x".repeat(300), displayName: "A" },
      { "accept-language": "fr" },
    );
    const long = byPath(tooLong.json().error.details);
    expect(long["/password"]?.message).toBe("Au plus 256 caractères.");
    expect(long["/email"]?.message).toBe("Au plus 254 caractères.");
  });

  it("names unknown fields in French", async () => {
    const user = await registerUser(t.app);
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/account",
      cookies: user.cookies,
      headers: { "x-csrf-token": user.csrf, "accept-language": "fr" },
      payload: { displayName: "ok", nickname: "extra" },
    });
    expect(response.statusCode).toBe(422);
    expect(byPath(response.json().error.details)["/"]).toMatchObject({
      code: "unrecognized_keys",
      message: "Champ(s) inconnu(s) : nickname.",
    });
  });

  it("answers an oversized body with a JSON 413 in the request's language", async () => {
    const huge = JSON.stringify({ email: "a@example.org", password: "x".repeat(11 * 1024 * 1024) });
    for (const [lang, message] of [
      ["fr", "La requête est trop volumineuse."],
      ["en", "The request is too large."],
    ] as const) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/register",
        headers: { "content-type": "application/json", "accept-language": lang },
        payload: huge,
      });
      expect(response.statusCode).toBe(413);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      expect(response.json()).toEqual({ error: { code: "payload_too_large", message } });
    }
  });
});
