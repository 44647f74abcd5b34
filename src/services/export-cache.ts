import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../exports/render/render-pool.js";

/**
 * Rendered exports by key (plan, revision, format, normalised options): a memory tier with a byte
 * budget, over an optional folder of files (written atomically) with its own cap; both evict the
 * least recently used entry first. Identical concurrent requests share one render.
 */
export interface ExportCacheOptions {
  /** Folder for the file tier (e.g. `<dataDir>/cache/exports`); memory only without it. */
  dir?: string | undefined;
  /** Byte budget of the memory tier (default 64 MB). */
  memoryBytes?: number;
  /** Byte cap of the file tier (default 512 MB). */
  diskBytes?: number;
  /** Entries larger than this stay on disk only (default 4 MB). */
  maxMemoryEntry?: number;
}

export interface ExportCacheStats {
  hits: number;
  misses: number;
  /** Renders actually run (a miss joined to an identical render in flight does not count). */
  renders: number;
}

/** Sizes by key in least- to most-recently-used order (a Map keeps insertion order). */
class LruIndex {
  private readonly sizes = new Map<string, number>();
  total = 0;

  touch(key: string): boolean {
    const size = this.sizes.get(key);
    if (size === undefined) return false;
    this.sizes.delete(key);
    this.sizes.set(key, size);
    return true;
  }

  add(key: string, size: number): void {
    this.remove(key);
    this.sizes.set(key, size);
    this.total += size;
  }

  remove(key: string): void {
    const size = this.sizes.get(key);
    if (size === undefined) return;
    this.sizes.delete(key);
    this.total -= size;
  }

  /** Least recently used keys to drop so that `total` fits `limit`. */
  *overflow(limit: number): Generator<string> {
    for (const [key] of this.sizes) {
      if (this.total <= limit) return;
      this.remove(key);
      yield key;
    }
  }
}

const keyPattern = /^[0-9a-f]{64}$/;

export function createExportCache(options: ExportCacheOptions = {}) {
  const memoryBytes = options.memoryBytes ?? 64 * 1024 * 1024;
  const diskBytes = options.diskBytes ?? 512 * 1024 * 1024;
  const maxMemoryEntry = options.maxMemoryEntry ?? 4 * 1024 * 1024;
  const memory = new Map<string, Uint8Array>();
  const memoryIndex = new LruIndex();
  const diskIndex = new LruIndex();
  const inFlight = new Map<string, Promise<Uint8Array>>();
  const stats: ExportCacheStats = { hits: 0, misses: 0, renders: 0 };
  const dir = options.dir;

  if (dir) {
    mkdirSync(dir, { recursive: true });
    // Files left by an earlier run are reused, oldest first in the index; temporary files are leftovers.
    const found = readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (!keyPattern.test(name)) {
        if (name.endsWith(".tmp")) rmSync(path, { force: true });
        return [];
      }
      const stat = statSync(path, { throwIfNoEntry: false });
      return stat?.isFile() ? [{ name, size: stat.size, at: stat.mtimeMs }] : [];
    });
    for (const file of found.sort((a, b) => a.at - b.at)) diskIndex.add(file.name, file.size);
  }

  const remember = (key: string, bytes: Uint8Array) => {
    if (bytes.length > maxMemoryEntry || bytes.length > memoryBytes) return;
    memory.set(key, bytes);
    memoryIndex.add(key, bytes.length);
    for (const evicted of memoryIndex.overflow(memoryBytes)) memory.delete(evicted);
  };

  const store = async (key: string, bytes: Uint8Array) => {
    remember(key, bytes);
    if (!dir || bytes.length > diskBytes) return;
    try {
      await writeFileAtomic(join(dir, key), bytes);
    } catch {
      return; // A full or read-only disk only costs a re-render later.
    }
    diskIndex.add(key, bytes.length);
    for (const evicted of [...diskIndex.overflow(diskBytes)]) await rm(join(dir, evicted), { force: true });
  };

  const lookup = async (key: string): Promise<Uint8Array | undefined> => {
    const held = memory.get(key);
    if (held) {
      memoryIndex.touch(key);
      if (dir) diskIndex.touch(key);
      return held;
    }
    if (!dir || !diskIndex.touch(key)) return undefined;
    try {
      const bytes = new Uint8Array(await readFile(join(dir, key)));
      remember(key, bytes);
      return bytes;
    } catch {
      diskIndex.remove(key);
      return undefined;
    }
  };

  return {
    stats,

    /**
     * The cached bytes of `key`, or those `render` makes (stored for next time); `hit` tells which.
     * Concurrent calls with one key while it renders wait for that one render.
     */
    async getOrRender(
      key: string,
      render: () => Promise<Uint8Array>,
    ): Promise<{ bytes: Uint8Array; hit: boolean }> {
      if (!keyPattern.test(key)) throw new Error("export cache keys are SHA-256 hex digests");
      const cached = await lookup(key);
      if (cached) {
        stats.hits += 1;
        return { bytes: cached, hit: true };
      }
      stats.misses += 1;
      let pending = inFlight.get(key);
      if (!pending) {
        stats.renders += 1;
        pending = render().then(async (bytes) => {
          await store(key, bytes);
          return bytes;
        });
        inFlight.set(key, pending);
        pending.then(
          () => inFlight.delete(key),
          () => inFlight.delete(key),
        );
      }
      return { bytes: await pending, hit: false };
    },

    /** Bytes held (memory tier, file tier). */
    size(): { memory: number; disk: number } {
      return { memory: memoryIndex.total, disk: diskIndex.total };
    },
  };
}

export type ExportCache = ReturnType<typeof createExportCache>;
