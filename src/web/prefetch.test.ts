import { afterEach, describe, expect, it, vi } from "vitest";
import { pageCode } from "./page-code.js";
import { forgetPrefetched, peekArrived, remember, takeArrived, takePrefetched } from "./prefetch.js";

/** Let promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("prefetched answers", () => {
  afterEach(() => {
    vi.useRealTimers();
    forgetPrefetched("a", "b");
  });

  it("are taken once", async () => {
    remember("a", Promise.resolve(1));
    await expect(takePrefetched("a")).resolves.toBe(1);
    expect(takePrefetched("a")).toBeUndefined();
  });

  it("are not there for a first render before they arrive, then are", async () => {
    let answer!: (value: number) => void;
    remember("a", new Promise<number>((resolve) => (answer = resolve)));
    expect(peekArrived("a")).toBeUndefined();
    expect(takeArrived("a")).toBeUndefined();
    answer(2);
    await settle();
    // A render that React discards and does again finds it again, until the page forgets it.
    expect(peekArrived("a")).toEqual({ value: 2 });
    expect(peekArrived("a")).toEqual({ value: 2 });
    forgetPrefetched("a");
    expect(peekArrived("a")).toBeUndefined();
    expect(takePrefetched("a")).toBeUndefined();
  });

  it("taken when arrived are gone for the fetch too", async () => {
    remember("a", Promise.resolve(3));
    await settle();
    expect(takeArrived("a")).toEqual({ value: 3 });
    expect(takeArrived("a")).toBeUndefined();
    expect(takePrefetched("a")).toBeUndefined();
  });

  it("that failed are left to the app's own request (no value), failure included", async () => {
    remember("a", Promise.reject(new Error("offline")));
    await settle();
    expect(peekArrived("a")).toBeUndefined();
    await expect(takePrefetched("a")).rejects.toThrow("offline");
  });

  it("are not used once old", async () => {
    vi.useFakeTimers();
    remember("b", Promise.resolve(4));
    await vi.advanceTimersByTimeAsync(10_001);
    expect(peekArrived("b")).toBeUndefined();
    expect(takePrefetched("b")).toBeUndefined();
  });
});

describe("a page's code", () => {
  it("is fetched once and known as loaded once in", async () => {
    const page = () => null;
    const importer = vi.fn(async () => page);
    const code = pageCode(importer);
    expect(code.loaded).toBeUndefined();
    const first = code.load();
    const second = code.load();
    await expect(first).resolves.toBe(page);
    await expect(second).resolves.toBe(page);
    expect(importer).toHaveBeenCalledTimes(1);
    expect(code.loaded).toBe(page);
  });

  it("is fetched again after a failure", async () => {
    const page = () => null;
    const importer = vi
      .fn<() => Promise<typeof page>>()
      .mockRejectedValueOnce(new Error("offline"))
      .mockResolvedValueOnce(page);
    const code = pageCode(importer);
    await expect(code.load()).rejects.toThrow("offline");
    expect(code.loaded).toBeUndefined();
    await expect(code.load()).resolves.toBe(page);
    expect(importer).toHaveBeenCalledTimes(2);
  });
});
