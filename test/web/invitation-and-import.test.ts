import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/web/api/client.js";
import { importFailure } from "../../src/web/api/exports.js";
import { afterSignIn, emailFrom, invitationFrom } from "../../src/web/navigation.js";

describe("invitation links", () => {
  const link = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;

  it("reads the address, the plan and the token of an invitation link", () => {
    const search = link({ email: "nora+dmp@example.org", invitation: "carnet_inv_t0k", next: "/plans/abc" });
    expect(invitationFrom(search)).toEqual({
      email: "nora+dmp@example.org",
      next: "/plans/abc",
      token: "carnet_inv_t0k",
    });
    expect(emailFrom(search)).toBe("nora+dmp@example.org");
    // Once signed in, the way to the plan goes through accepting the invitation.
    expect(afterSignIn(search)).toBe("/invitations/accept?token=carnet_inv_t0k&next=%2Fplans%2Fabc");
  });

  it("is no invitation without an address or a token, or when it leads elsewhere or off the site", () => {
    expect(invitationFrom(link({ invitation: "t", next: "/plans/abc" }))).toBeNull();
    expect(invitationFrom(link({ email: "a@b.org", next: "/plans/abc" }))).toBeNull();
    expect(invitationFrom(link({ email: "a@b.org", invitation: "t" }))).toBeNull();
    expect(invitationFrom(link({ email: "a@b.org", invitation: "t", next: "/account" }))).toBeNull();
    expect(
      invitationFrom(link({ email: "a@b.org", invitation: "t", next: "//evil.example/plans/x" })),
    ).toBeNull();
    expect(emailFrom("")).toBe("");
    expect(afterSignIn(link({ next: "/plans/abc" }))).toBe("/plans/abc");
    expect(afterSignIn("")).toBe("/plans");
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
