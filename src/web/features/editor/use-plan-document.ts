import { replaceEqualDeep } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { replayOps } from "../../../domain/edit/apply-ops.js";
import type { EditOp } from "../../../domain/edit/ops.js";
import type { Plan } from "../../../domain/plan.js";
import type { LiveEdit } from "../../api/live.js";
import { AutosaveQueue, type SaveState } from "./autosave/autosave-queue.js";
import type { EditorApi } from "./editor-api.js";
import { opsStillNeeded, replayLenient } from "./plan-ops.js";

export interface PlanDocument {
  /** The plan as the user sees it: the server's plus the edits not acknowledged yet. */
  plan: Plan;
  /**
   * The plan as it is now, edits made since the last render included (a stable function, for event
   * handlers that must not change with every edit).
   */
  current(): Plan;
  saveState: SaveState;
  /** Apply edits locally and queue them for saving; false when they do not apply. */
  edit(ops: EditOp[]): boolean;
  /** Another author's edit, from the live events. */
  applyRemote(edit: LiveEdit): void;
  /** The live stream (re)connected at `revision`: fetch the plan again if edits were missed. */
  catchUp(revision: number): void;
  /** Fetch the plan again and show pending edits on top of it. */
  reload(): Promise<void>;
  /** Settle a conflict: keep my version or theirs. */
  resolveConflict(choice: "mine" | "theirs"): Promise<void>;
  /** Send now what waits (leaving a field). */
  flush(): void;
  /** Replace the plan after a revert from the history panel. */
  replace(plan: Plan): void;
}

function localStorageOrUndefined(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The editor's copy of a plan, kept in step with the server by the autosave queue and the live
 * events; warns before the page is left while edits are unsent.
 */
export function usePlanDocument(initial: Plan, api: EditorApi, readOnly: boolean): PlanDocument {
  const server = useRef(initial);
  const [plan, setPlan] = useState(initial);
  const local = useRef(initial);
  const [queue] = useState(
    () =>
      new AutosaveQueue<Plan>({
        planId: initial.id,
        baseRevision: initial.revision,
        send: (baseRevision, ops, key) => api.patchPlan(initial.id, baseRevision, ops, key),
        storage: localStorageOrUndefined(),
        isOnline: () => globalThis.navigator?.onLine ?? true,
      }),
  );
  const [saveState, setSaveState] = useState<SaveState>(queue.state);

  const show = useCallback((next: Plan) => {
    local.current = next;
    setPlan(next);
  }, []);

  const rebase = useCallback(
    (fresh: Plan) => {
      server.current = fresh;
      // The server's plan is a new object tree: parts equal to what is shown keep their identity, so
      // that only the answers that changed render again (an autosave answer changes nothing shown).
      show(replaceEqualDeep(local.current, replayLenient(fresh, queue.pendingOps())));
    },
    [queue, show],
  );

  useEffect(() => {
    const unsubscribe = queue.subscribe(setSaveState);
    // Edits kept by an earlier visit (reload, crash, offline close) are shown and sent again.
    if (!readOnly) {
      const restored = queue.restore((ops) => opsStillNeeded(server.current, ops));
      if (restored.length > 0) rebase(server.current);
    }
    const onOnline = () => queue.online();
    const onOffline = () => queue.offline();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!queue.hasUnsaved()) return;
      queue.flush();
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      unsubscribe();
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("beforeunload", onBeforeUnload);
      // Leaving the editor inside the app: what waits is sent now (the queue lives on until it is).
      queue.flush();
    };
  }, [queue, readOnly, rebase]);

  // An answer older than the plan already shown (live events or a refetch got further meanwhile, or
  // a batch answered again for its Idempotency-Key) is in that plan already: keep the newer one.
  useEffect(
    () =>
      queue.onAccepted(({ plan: fresh }) =>
        rebase(fresh.revision < server.current.revision ? server.current : fresh),
      ),
    [queue, rebase],
  );

  const edit = useCallback(
    (ops: EditOp[]) => {
      if (readOnly || ops.length === 0) return false;
      let next: Plan;
      try {
        next = replayOps(local.current, ops);
      } catch {
        return false;
      }
      show(next);
      queue.push(ops);
      return true;
    },
    [queue, readOnly, show],
  );

  const reload = useCallback(async () => {
    rebase(await api.getPlan(initial.id));
  }, [api, initial.id, rebase]);

  const applyRemote = useCallback(
    (event: LiveEdit) => {
      const head = server.current;
      if (event.revision <= head.revision) return; // already have it (my own edit, or a refetch)
      if (Array.isArray(event.ops) && !event.truncated && event.revision === head.revision + 1) {
        try {
          const fresh = { ...replayOps(head, event.ops as EditOp[]), revision: event.revision } as Plan;
          rebase(fresh);
          queue.observeRevision(event.revision);
          return;
        } catch {
          // Fall through to a refetch.
        }
      }
      void reload().then(() => queue.observeRevision(server.current.revision));
    },
    [queue, rebase, reload],
  );

  const catchUp = useCallback(
    (revision: number) => {
      if (revision > server.current.revision)
        void reload().then(() => queue.observeRevision(server.current.revision));
    },
    [queue, reload],
  );

  const resolveConflict = useCallback(
    async (choice: "mine" | "theirs") => {
      const fresh = await api.getPlan(initial.id);
      queue.resolveConflict(choice);
      rebase(fresh);
    },
    [api, initial.id, queue, rebase],
  );

  const replace = useCallback(
    (next: Plan) => {
      queue.observeRevision(next.revision);
      rebase(next);
    },
    [queue, rebase],
  );

  const current = useCallback(() => local.current, []);
  const flush = useCallback(() => queue.flush(), [queue]);

  return {
    plan,
    current,
    saveState,
    edit,
    applyRemote,
    catchUp,
    reload,
    resolveConflict,
    flush,
    replace,
  };
}
