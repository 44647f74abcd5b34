import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/web/api/client.js";
import { importFailure } from "../../src/web/api/exports.js";
import { emailFrom, invitationFrom } from "../../src/web/navigation.js";

describe("invitation links", () => {
  it("reads the address and the plan of an invitation link", () => {
    const search = `?${new URLSearchParams({ email: "nora+dmp@example.org", next: "/plans/abc" })}`;
    expect(invitationFrom(search)).toEqual({ email: "nora+dmp@example.org", next: "/plans/abc" });
    expect(emailFrom(search)).toBe("nora+dmp@example.org");
  });

  it("is no invitation without an address, or when it leads elsewhere or off the site", () => {
    expect(invitationFrom("?next=/plans/abc")).toBeNull();
    expect(invitationFrom("?email=a@b.org")).toBeNull();
    expect(invitationFrom("?email=a@b.org&next=/account")).toBeNull();
    expect(invitationFrom("?email=a@b.org&next=//evil.example/plans/x")).toBeNull();
    expect(emailFrom("")).toBe("");
  });
});

describe("import failures", () => {
  it("takes the problem, its place, its problems and the report from a 422", () => {
    const error = new ApiError("validation_failed", 422, "Not valid JSON", {
      line: 2,
      column: 29,
      problem: { code: "not_json", message: "Not valid JSON", params: { expected: "':'" }, problems: [] },
      report: [{ kind: "repair", path: "(document)", key: "formats.repair.bom", params: {}, message: "bom" }],
    });
    expect(importFailure(error)).toMatchObject({
      code: "not_json",
      line: 2,
      column: 29,
      params: { expected: "':'" },
      problems: [],
      report: [{ kind: "repair", key: "formats.repair.bom" }],
    });
  });

  it("falls back to the error itself when the details are not an import's", () => {
    const failure = importFailure(new ApiError("forbidden", 403, "No", undefined));
    expect(failure).toEqual({ code: "forbidden", message: "No", params: {}, problems: [], report: [] });
  });
});
