import { describe, expect, it } from "vitest";
import {
  generatePassword,
  hashPassword,
  needsRehash,
  scryptParameters,
  verifyPassword,
} from "./passwords.js";

// A cheaper cost keeps the suite quick on a loaded machine; one test uses the default cost.
const cheap = { N: 2 ** 12, r: 8, p: 1 };

describe("passwords", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery", cheap);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("hashes with the default (OWASP) cost unless told otherwise", async () => {
    const hash = await hashPassword("default cost!");
    expect(hash.split("$").slice(0, 4)).toEqual(["scrypt", "32768", "8", "3"]);
    expect(await verifyPassword("default cost!", hash)).toBe(true);
  }, 30_000);

  it("stores the scrypt parameters with a fresh salt each time", async () => {
    const a = await hashPassword("same password!", cheap);
    const b = await hashPassword("same password!", cheap);
    expect(a).not.toBe(b);
    const [scheme, n, r, p] = a.split("$");
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual(["scrypt", cheap.N, cheap.r, cheap.p]);
    expect(needsRehash(a, cheap)).toBe(false);
    expect(needsRehash(a, scryptParameters)).toBe(true);
  });

  it("accepts hashes made with older parameters and flags them for rehash", async () => {
    const weak = "scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA$";
    expect(needsRehash(weak)).toBe(true);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });

  it("normalises Unicode so that the same password typed differently matches", async () => {
    const hash = await hashPassword("café-au-lait", cheap); // precomposed é
    expect(await verifyPassword("cafe\u0301-au-lait", hash)).toBe(true);
  });

  it("generates long random passwords", () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-zA-Z2-9]{20}$/);
    expect(generatePassword()).not.toBe(a);
  });
});
