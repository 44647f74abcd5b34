import { describe, expect, it } from "vitest";
import {
  normalizeDoi,
  normalizeIdentifier,
  normalizeIsni,
  normalizeOrcid,
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
});
