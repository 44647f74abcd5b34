import { describe, expect, it } from "vitest";
import {
  detectIdentifier,
  normalizeDoi,
  normalizeFundref,
  normalizeIdentifier,
  normalizeIsni,
  normalizeOrcid,
  normalizeRe3data,
  normalizeRnsr,
  normalizeRor,
} from "./identifiers.js";

describe("identifiers", () => {
  it("ORCID: accepts bare and URL forms, verifies the check digit", () => {
    expect(normalizeOrcid("0000-0002-3992-0547")).toBe("https://orcid.org/0000-0002-3992-0547");
    expect(normalizeOrcid("https://orcid.org/0000-0003-0579-8173")).toBe(
      "https://orcid.org/0000-0003-0579-8173",
    );
    expect(normalizeOrcid("0000-0002-1694-233X")).toBe("https://orcid.org/0000-0002-1694-233X");
    expect(normalizeOrcid("0000-0002-3992-0548")).toBeUndefined();
    expect(normalizeOrcid("0000-0002-3992")).toBeUndefined();
  });

  it("ROR: verifies format and checksum", () => {
    expect(normalizeRor("02feahw73")).toBe("https://ror.org/02feahw73");
    expect(normalizeRor("https://ror.org/04xhy8q59")).toBe("https://ror.org/04xhy8q59");
    expect(normalizeRor("02feahw74")).toBeUndefined();
    expect(normalizeRor("12feahw73")).toBeUndefined();
  });

  it("RNSR, DOI, ISNI", () => {
    expect(normalizeRnsr("200415135n")).toBe("200415135N");
    expect(normalizeRnsr("20041513N")).toBeUndefined();
    expect(normalizeDoi("doi:10.5281/zenodo.4915862")).toBe("https://doi.org/10.5281/zenodo.4915862");
    expect(normalizeDoi("10.abc/x")).toBeUndefined();
    expect(normalizeIsni("0000 0001 2146 438X")).toBe("https://isni.org/isni/000000012146438X");
    expect(normalizeIsni("0000 0001 2146 4381")).toBeUndefined();
  });

  it("free identifier types are kept as given", () => {
    expect(normalizeIdentifier("handle", " 20.500.12345/1 ")).toBe("20.500.12345/1");
    expect(normalizeIdentifier("orcid", "nope")).toBeUndefined();
  });

  it("re3data and Crossref Funder ids", () => {
    expect(normalizeRe3data("https://www.re3data.org/repository/R3D100010468")).toBe("r3d100010468");
    expect(normalizeRe3data("r3d10001046")).toBeUndefined();
    expect(normalizeFundref("501100001665")).toBe("https://doi.org/10.13039/501100001665");
    expect(normalizeFundref("http://dx.doi.org/10.13039/100006209")).toBe(
      "https://doi.org/10.13039/100006209",
    );
    expect(normalizeFundref("10.5281/123456")).toBeUndefined();
  });

  it("detects which kind of identifier was pasted", () => {
    expect(detectIdentifier("https://ror.org/02feahw73")).toEqual({
      type: "ror",
      value: "https://ror.org/02feahw73",
    });
    expect(detectIdentifier("0000-0002-1694-233X")?.type).toBe("orcid");
    expect(detectIdentifier("198822446E")).toEqual({ type: "rnsr", value: "198822446E" });
    expect(detectIdentifier("https://example.org/x")?.type).toBe("url");
    expect(detectIdentifier("cnrs")).toBeUndefined();
  });
});
