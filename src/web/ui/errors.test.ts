import { describe, expect, it } from "vitest";
import { apiTokenCreateSchema, passwordChangeSchema, registerBodySchema } from "../../contract/accounts.js";
import { translate } from "../../i18n/translate.js";
import { ApiError } from "../api/client.js";
import { errorMessage, serverFieldErrors, validateWith } from "./errors.js";

const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate("en", key, params);
const fr = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate("fr", key, params);

describe("validateWith", () => {
  it("names each wrong field with a translated message", () => {
    const errors = validateWith(registerBodySchema, { displayName: " ", email: "x", password: "short" }, en);
    expect(errors).toEqual({
      displayName: "Fill in this field.",
      email: "Enter an e-mail address such as name@example.org.",
      password: "Use at least 10 characters.",
    });
  });

  it("speaks French and says nothing about valid input", () => {
    expect(validateWith(apiTokenCreateSchema, { name: "", scope: "read" }, fr)).toEqual({
      name: "Remplissez ce champ.",
    });
    expect(
      validateWith(passwordChangeSchema, { currentPassword: "a", newPassword: "0123456789" }, fr),
    ).toEqual({});
    expect(validateWith(apiTokenCreateSchema, { name: "x".repeat(101) }, fr)).toEqual({
      name: "Utilisez au plus 100 caractères.",
    });
  });
});

describe("server errors", () => {
  it("maps details paths to fields, the current password specially", () => {
    const error = new ApiError("validation_failed", 422, "…", [
      { path: "/currentPassword", message: "does not match" },
      { path: "/displayName", message: "too long" },
      { nonsense: true },
    ]);
    expect(serverFieldErrors(error, en)).toEqual({
      currentPassword: "This is not your current password.",
      displayName: "This value is not accepted.",
    });
  });

  it("falls back to translated messages when the server gave none", () => {
    expect(errorMessage(new ApiError("network", 0, ""), fr)).toBe(fr("web.error.network"));
    expect(errorMessage(new Error("boom"), en)).toBe(en("web.error.unexpected"));
    expect(errorMessage(new ApiError("email_taken", 409, "Déjà pris"), en)).toBe("Déjà pris");
  });
});
