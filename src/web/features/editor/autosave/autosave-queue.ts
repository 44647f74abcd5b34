import type { EditOp } from "../../../../domain/edit/ops.js";
import { sameJson } from "../../../../domain/json-pointer.js";

/** What the server answers to an accepted batch (`PATCH /plans/:id`). */
export interface PatchAccepted<P> {
  revision: number;
  plan: P;
}

/** One conflicting path as the server reports it in a 409 (`details.conflicts`). */
export interface ServerConflict {
  path: string;
  current?: unknown;
  exists?: boolean;
  revision?: number;
  author?: string;
}

/** A conflict shown to the user: the path, their value (theirs) and the value in my pending ops (mine). */
export interface ConflictChoice {
  path: string;
  theirs: unknown;
  theirsExists: boolean;
  mine: unknown;
  mineRemoves: boolean;
}

/**
 * Sends a batch of ops made on `baseRevision` with the batch's `idempotencyKey` (the same on every
 * retry of the batch: the server answers a batch it already applied as it did then, instead of a
 * conflict with itself). Rejects with an error carrying `status` (0 when the server could not be
 * reached), `code` and `details` — the shape of the web client's ApiError.
 */
export type PatchTransport<P> = (
  baseRevision: number,
  ops: EditOp[],
  idempotencyKey: string,
) => Promise<PatchAccepted<P>>;

/** A new random Idempotency-Key (crypto.getRandomValues works on plain-HTTP pages too, unlike randomUUID). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Where pending ops survive a reload or a crash (localStorage in the browser). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type SaveState =
  /** Nothing waits to be sent. */
  | { kind: "saved"; revision: number }
  /** Edits wait for the debounce to end. */
  | { kind: "pending"; count: number }
  /** A batch is on its way. */
  | { kind: "saving"; count: number }
  /** The server could not be reached (or failed); the batch is retried at `retryAt` (ms since epoch). */
  | { kind: "offline"; count: number; retryAt: number; attempt: number; browserOffline: boolean }
  /** The server refused the batch because someone else changed the same fields: the user must choose. */
  | { kind: "conflict"; count: number; conflicts: ConflictChoice[]; serverRevision: number }
  /** The session ended: the ops are kept (and stored) until the user signs in again. */
  | { kind: "signed_out"; count: number }
  /** The server refused the batch as invalid (should not happen: ops are checked locally first). */
  | { kind: "rejected"; message: string };

export interface AutosaveOptions<P> {
  planId: string;
  /** Revision of the plan the editor loaded. */
  baseRevision: number;
  send: PatchTransport<P>;
  storage?: KeyValueStorage | undefined;
  /** Quiet time after the last edit before sending (ms). */
  debounceMs?: number;
  /** First retry delay; doubled at each failure up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Whether the browser believes it is online (navigator.onLine). */
  isOnline?: () => boolean;
  now?: () => number;
  /** Called with the server's plan after each accepted batch (the editor replays what is still pending). */
  onAccepted?: (accepted: PatchAccepted<P>) => void;
  /** Makes each batch's Idempotency-Key (random by default). */
  newKey?: () => string;
}

interface Stored {
  baseRevision: number;
  ops: EditOp[];
  /** The batch on its way when this was stored: the first `size` ops, sent with `key`. */
  batch?: { key: string; size: number };
}

/** Key under which the pending ops of a plan are kept in storage. */
export function storageKey(planId: string): string {
  return `carnet.autosave.${planId}`;
}

/** The ops of a plan that were not acknowledged when the page was left, if any. */
export function readStoredOps(storage: KeyValueStorage | undefined, planId: string): Stored | undefined {
  if (!storage) return undefined;
  try {
    const text = storage.getItem(storageKey(planId));
    if (!text) return undefined;
    const value = JSON.parse(text) as Stored;
    if (typeof value.baseRevision !== "number" || !Array.isArray(value.ops) || value.ops.length === 0)
      return undefined;
    const batch = value.batch;
    const batchValid =
      typeof batch?.key === "string" &&
      Number.isInteger(batch.size) &&
      batch.size > 0 &&
      batch.size <= value.ops.length;
    return batchValid ? value : { baseRevision: value.baseRevision, ops: value.ops };
  } catch {
    return undefined;
  }
}

function isUnder(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/** Whether `op` writes one of `paths`, an ancestor or a descendant of it. */
function touchesAny(op: EditOp, paths: readonly string[]): boolean {
  const own = op.op === "move" ? [op.from, op.path] : [op.path];
  return own.some((p) => paths.some((c) => isUnder(p, c) || isUnder(c, p)));
}

function errorStatus(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : 0;
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

/**
 * The autosave engine of the plan editor: local edits become ops, queued and sent debounced as one
 * batch at a time; a failed batch is retried with exponential backoff (immediately when the browser
 * comes back online); everything not yet acknowledged is kept in storage so that a reload resends it;
 * a conflict stops the queue until the user chooses between their version and the other one.
 */
export class AutosaveQueue<P> {
  private baseRevision: number;
  /** Ops of the batch on its way (or waiting for a retry / a conflict choice). */
  private inFlight: EditOp[] = [];
  /** Ops made since, not sent yet. */
  private queued: EditOp[] = [];
  /**
   * The Idempotency-Key of the batch in flight, made for that very array: any change to the batch
   * (conflict settled, ops dropped) makes a new array, hence a new key; a retry reuses it.
   */
  private inFlightKey: { batch: EditOp[]; key: string } | undefined;
  private sending = false;
  private attempt = 0;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private current: SaveState;
  private readonly listeners = new Set<(state: SaveState) => void>();
  private readonly acceptedListeners = new Set<(accepted: PatchAccepted<P>) => void>();
  private disposed = false;
  private restored = false;
  private readonly debounceMs: number;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly isOnline: () => boolean;
  private readonly now: () => number;

  constructor(private readonly options: AutosaveOptions<P>) {
    this.baseRevision = options.baseRevision;
    this.debounceMs = options.debounceMs ?? 800;
    this.initialBackoffMs = options.initialBackoffMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.isOnline = options.isOnline ?? (() => true);
    this.now = options.now ?? Date.now;
    this.current = { kind: "saved", revision: this.baseRevision };
  }

  /** The visible state. */
  get state(): SaveState {
    return this.current;
  }

  /** The revision the next batch is based on. */
  get revision(): number {
    return this.baseRevision;
  }

  /** Every op not acknowledged by the server yet, in order (to replay on a fresher plan). */
  pendingOps(): EditOp[] {
    return [...this.inFlight, ...this.queued];
  }

  /** Whether something would be lost if the page closed now without storage. */
  hasUnsaved(): boolean {
    return this.inFlight.length + this.queued.length > 0;
  }

  subscribe(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Be told of each accepted batch, with the server's plan (to show pending ops on top of it). */
  onAccepted(listener: (accepted: PatchAccepted<P>) => void): () => void {
    this.acceptedListeners.add(listener);
    return () => this.acceptedListeners.delete(listener);
  }

  /**
   * Restore ops stored by an earlier page (reload, crash) and send them at once. Returns them so the
   * editor can replay them on the plan it loaded.
   *
   * `stillNeeded` gets the stored ops and returns those the loaded plan does not show yet: a batch
   * the server accepted as the page closed (its answer never read) is already in the plan, and
   * sending it again on its old base revision would look like a conflict with oneself. A batch that
   * was on its way and that the plan does not fully show (later edits may have overwritten it) is
   * sent again whole with its stored Idempotency-Key: if the server had applied it, it answers it
   * as it did then.
   */
  restore(stillNeeded?: (ops: EditOp[]) => EditOp[]): EditOp[] {
    if (this.restored) return [];
    this.restored = true;
    const stored = readStoredOps(this.options.storage, this.options.planId);
    if (!stored) return [];
    const needed = stillNeeded ? stillNeeded(stored.ops) : stored.ops;
    const size = stored.batch?.size ?? 0;
    const inBatch = (op: EditOp) => {
      const index = stored.ops.indexOf(op);
      return index >= 0 && index < size;
    };
    const batch = needed.some(inBatch) ? stored.ops.slice(0, size) : [];
    const rest = needed.filter((op) => !inBatch(op));
    if (batch.length + rest.length === 0) {
      this.persist();
      return [];
    }
    this.baseRevision = stored.baseRevision;
    if (batch.length > 0 && stored.batch && this.inFlight.length === 0) {
      this.inFlight = batch;
      this.inFlightKey = { batch, key: stored.batch.key };
      this.queued = [...rest, ...this.queued];
    } else {
      this.queued = [...batch, ...rest, ...this.queued];
    }
    this.flush();
    return [...batch, ...rest];
  }

  /** Queue local edits; consecutive `set`s of one path keep only the last value. */
  push(ops: readonly EditOp[]): void {
    if (this.disposed || ops.length === 0) return;
    for (const op of ops) {
      const last = this.queued.at(-1);
      if (op.op === "set" && last?.op === "set" && last.path === op.path) {
        this.queued[this.queued.length - 1] = op;
      } else {
        this.queued.push(op);
      }
    }
    this.persist();
    if (this.current.kind === "conflict" || this.current.kind === "signed_out") {
      this.emit({ ...this.current, count: this.countPending() });
      return;
    }
    if (this.current.kind === "offline") {
      this.emit({ ...this.current, count: this.countPending() });
      return;
    }
    if (this.sending) {
      this.emit({ kind: "saving", count: this.countPending() });
      return;
    }
    this.emit({ kind: "pending", count: this.countPending() });
    this.clearDebounce();
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = undefined;
      void this.sendNext();
    }, this.debounceMs);
  }

  /** Send what is queued now (leaving a field, before navigating, coming back online). */
  flush(): void {
    if (this.disposed) return;
    this.clearDebounce();
    if (this.current.kind === "conflict" || this.current.kind === "signed_out") return;
    if (this.current.kind === "offline") {
      this.clearRetry();
      this.attempt = Math.max(0, this.attempt - 1);
    }
    void this.sendNext();
  }

  /** The browser says it is online again: retry now rather than waiting for the backoff. */
  online(): void {
    if (this.current.kind === "offline") this.flush();
  }

  /** The browser says it went offline: show it, and wait for `online()` or the next retry. */
  offline(): void {
    if (this.current.kind === "offline" && !this.current.browserOffline) {
      this.emit({ ...this.current, browserOffline: true });
    }
  }

  /** The user signed in again after `signed_out`: send what waited. */
  resume(): void {
    if (this.current.kind !== "signed_out") return;
    this.emit({ kind: "pending", count: this.countPending() });
    void this.sendNext();
  }

  /**
   * Another author's edit was accepted at `revision` and applied locally. When nothing of mine is in
   * flight the next batch can be based on it; otherwise the server answer will carry it anyway.
   */
  observeRevision(revision: number): void {
    if (revision <= this.baseRevision) return;
    if (this.inFlight.length === 0 && !this.sending && this.queued.length === 0) {
      this.baseRevision = revision;
      this.persist();
      if (this.current.kind === "saved") this.emit({ kind: "saved", revision });
    }
  }

  /**
   * Settle a conflict. `mine`: send my ops again on the server's revision (they replace the other
   * version). `theirs`: drop my ops on the conflicting paths and send the rest.
   * The editor refetches the plan and replays `pendingOps()` on it afterwards.
   */
  resolveConflict(choice: "mine" | "theirs"): void {
    const state = this.current;
    if (state.kind !== "conflict") return;
    const all = [...this.inFlight, ...this.queued];
    this.inFlight = [];
    const conflictPaths = state.conflicts.map((c) => c.path);
    this.queued = choice === "mine" ? all : all.filter((op) => !touchesAny(op, conflictPaths));
    this.baseRevision = state.serverRevision;
    this.persist();
    if (this.queued.length === 0) {
      this.emit({ kind: "saved", revision: this.baseRevision });
      return;
    }
    this.emit({ kind: "pending", count: this.countPending() });
    void this.sendNext();
  }

  /** Stop timers (the editor unmounts); stored ops stay for the next visit. */
  dispose(): void {
    this.disposed = true;
    this.clearDebounce();
    this.clearRetry();
    this.listeners.clear();
    this.acceptedListeners.clear();
  }

  private countPending(): number {
    return this.inFlight.length + this.queued.length;
  }

  private async sendNext(): Promise<void> {
    if (this.disposed || this.sending) return;
    if (this.inFlight.length === 0) {
      if (this.queued.length === 0) {
        if (this.current.kind !== "saved") this.emit({ kind: "saved", revision: this.baseRevision });
        return;
      }
      this.inFlight = this.queued;
      this.queued = [];
    }
    this.sending = true;
    const batch = this.inFlight;
    if (this.inFlightKey?.batch !== batch) {
      this.inFlightKey = { batch, key: (this.options.newKey ?? newIdempotencyKey)() };
      // Stored with its key, so that a new page sends this batch again with the same key.
      this.persist();
    }
    const key = this.inFlightKey.key;
    this.emit({ kind: "saving", count: this.countPending() });
    try {
      const accepted = await this.options.send(this.baseRevision, batch, key);
      if (this.disposed) return;
      this.sending = false;
      this.attempt = 0;
      this.inFlight = [];
      this.inFlightKey = undefined;
      this.baseRevision = accepted.revision;
      this.persist();
      this.options.onAccepted?.(accepted);
      for (const listener of this.acceptedListeners) listener(accepted);
      if (this.queued.length > 0) {
        // Edits made while the batch travelled: send them after their own quiet time.
        this.emit({ kind: "pending", count: this.countPending() });
        this.clearDebounce();
        this.debounceTimer = setTimeout(() => {
          this.debounceTimer = undefined;
          void this.sendNext();
        }, this.debounceMs);
      } else {
        this.emit({ kind: "saved", revision: this.baseRevision });
      }
    } catch (error) {
      if (this.disposed) return;
      this.sending = false;
      this.failed(error, batch);
    }
  }

  private failed(error: unknown, batch: EditOp[]): void {
    const status = errorStatus(error);
    const code = errorCode(error);
    if (status === 409 || code === "conflict") {
      const details = (error as { details?: unknown }).details as
        | { revision?: number; conflicts?: ServerConflict[] }
        | undefined;
      const serverRevision = details?.revision ?? this.baseRevision;
      const choices = (details?.conflicts ?? []).map((c) => this.choiceFor(c));
      // Where the server already holds exactly my value (my own batch accepted before a reload, or
      // the same words typed by two authors) there is nothing to choose: drop my ops there.
      const same = choices.filter((c) => c.identical).map((c) => c.choice.path);
      const conflicts = choices.filter((c) => !c.identical).map((c) => c.choice);
      if (same.length > 0) {
        this.inFlight = this.inFlight.filter((op) => !touchesAny(op, same));
        this.queued = this.queued.filter((op) => !touchesAny(op, same));
      }
      if (conflicts.length === 0 && choices.length > 0) {
        this.baseRevision = serverRevision;
        this.queued = [...this.inFlight, ...this.queued];
        this.inFlight = [];
        this.persist();
        void this.sendNext();
        return;
      }
      this.persist();
      this.emit({ kind: "conflict", count: this.countPending(), conflicts, serverRevision });
      return;
    }
    if (status === 401) {
      this.emit({ kind: "signed_out", count: this.countPending() });
      return;
    }
    if (status === 0 || status === 408 || status === 429 || status >= 500) {
      const delay = Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** this.attempt);
      this.attempt++;
      this.emit({
        kind: "offline",
        count: this.countPending(),
        retryAt: this.now() + delay,
        attempt: this.attempt,
        browserOffline: !this.isOnline(),
      });
      this.clearRetry();
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        void this.sendNext();
      }, delay);
      return;
    }
    // Refused as invalid (4xx): this batch cannot succeed; drop it so later edits still save.
    this.inFlight = this.inFlight === batch ? [] : this.inFlight;
    this.persist();
    const message = error instanceof Error ? error.message : String(error);
    this.emit({ kind: "rejected", message });
    if (this.queued.length > 0) void this.sendNext();
  }

  private choiceFor(conflict: ServerConflict): { choice: ConflictChoice; identical: boolean } {
    // My value: the last op of mine that wrote this path (or an ancestor or descendant of it).
    let mine: unknown;
    let mineRemoves = false;
    let exact = true;
    for (const op of [...this.inFlight, ...this.queued]) {
      if (op.op === "move") {
        if (touchesAny(op, [conflict.path])) exact = false;
        continue;
      }
      if (!isUnder(op.path, conflict.path) && !isUnder(conflict.path, op.path)) continue;
      if (op.path !== conflict.path || op.op === "insert") exact = false;
      if (op.op === "remove") {
        mine = undefined;
        mineRemoves = true;
      } else {
        mine = op.value;
        mineRemoves = false;
      }
    }
    const theirsExists = conflict.exists ?? conflict.current !== undefined;
    const identical =
      exact && (mineRemoves ? !theirsExists : theirsExists && sameJson(mine, conflict.current));
    return {
      choice: { path: conflict.path, theirs: conflict.current, theirsExists, mine, mineRemoves },
      identical,
    };
  }

  private persist(): void {
    const storage = this.options.storage;
    if (!storage) return;
    const ops = this.pendingOps();
    const keyed = this.inFlight.length > 0 && this.inFlightKey?.batch === this.inFlight;
    const stored: Stored = keyed
      ? {
          baseRevision: this.baseRevision,
          ops,
          batch: { key: this.inFlightKey!.key, size: this.inFlight.length },
        }
      : { baseRevision: this.baseRevision, ops };
    try {
      if (ops.length === 0) storage.removeItem(storageKey(this.options.planId));
      else storage.setItem(storageKey(this.options.planId), JSON.stringify(stored));
    } catch {
      // Storage full or disabled: the beforeunload warning still protects the user.
    }
  }

  private emit(state: SaveState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }

  private clearDebounce(): void {
    if (this.debounceTimer !== undefined) clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }
}
