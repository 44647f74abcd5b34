import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createExportCache } from "../../src/services/export-cache.js";

const key = (name: string) => createHash("sha256").update(name).digest("hex");
const bytes = (size: number, fill = 1) => new Uint8Array(size).fill(fill);
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "carnet-cache-test-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("export cache", () => {
  it("renders once for concurrent identical requests and serves hits after", async () => {
    const cache = createExportCache();
    let renders = 0;
    const render = async () => {
      renders += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return bytes(10);
    };
    const results = await Promise.all([1, 2, 3].map(() => cache.getOrRender(key("a"), render)));
    expect(renders).toBe(1);
    expect(results.map((r) => r.hit)).toEqual([false, false, false]);
    expect((await cache.getOrRender(key("a"), render)).hit).toBe(true);
    expect(renders).toBe(1);
    expect(cache.stats).toEqual({ hits: 1, misses: 3, renders: 1 });
  });

  it("does not keep a failed render", async () => {
    const cache = createExportCache();
    await expect(cache.getOrRender(key("x"), () => Promise.reject(new Error("boom")))).rejects.toThrow(
      "boom",
    );
    const again = await cache.getOrRender(key("x"), async () => bytes(3));
    expect(again.hit).toBe(false);
  });

  it("evicts the least recently used entries beyond the memory budget", async () => {
    const cache = createExportCache({ memoryBytes: 25 });
    for (const name of ["a", "b"]) await cache.getOrRender(key(name), async () => bytes(10));
    await cache.getOrRender(key("a"), async () => bytes(10)); // a is now the most recent
    await cache.getOrRender(key("c"), async () => bytes(10)); // b goes
    expect(cache.size().memory).toBe(20);
    expect((await cache.getOrRender(key("a"), async () => bytes(10))).hit).toBe(true);
    expect((await cache.getOrRender(key("b"), async () => bytes(10))).hit).toBe(false);
  });

  it("keeps files under a size cap, reuses them after a restart and removes leftovers", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".leftover.123.tmp"), "partial");
    const first = createExportCache({ dir, memoryBytes: 0, diskBytes: 25 });
    expect(readdirSync(dir)).toEqual([]);
    for (const name of ["a", "b", "c"])
      await first.getOrRender(key(name), async () => bytes(10, name.charCodeAt(0)));
    expect(readdirSync(dir).sort()).toEqual([key("b"), key("c")].sort());
    expect(first.size().disk).toBe(20);

    const second = createExportCache({ dir, memoryBytes: 0 });
    const reused = await second.getOrRender(key("c"), async () => bytes(10, 0));
    expect(reused.hit).toBe(true);
    expect(reused.bytes[0]).toBe("c".charCodeAt(0));
    expect(second.stats.renders).toBe(0);
  });
});
