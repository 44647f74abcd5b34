import type { EditEvent } from "../domain/edit/index.js";
import type { Notification } from "../storage/notifier.js";
import type { LiveHub } from "./live.js";

/**
 * How the plan use cases tell open editors about a change, once it is stored: an `edit` event per
 * new revision (revision, author, ops), and an `access` notice when who may read the plan may have
 * changed (binned or restored, visibility set, members added, removed or given another role,
 * ownership transferred), so that streams check their user's right again. Other processes also
 * forget what they remember of the plan's access (storage/plan-access-cache.ts) on either.
 *
 * A failure to announce never fails the use case — the change is stored; clients notice the gap in
 * revisions at the next event, or reload when their stream reconnects (`hello` carries the revision).
 */
export function createEditAnnouncer(live: LiveHub | undefined) {
  const published = (event: EditEvent) => ({
    revision: event.revision,
    author: event.author,
    ops: event.ops,
  });
  return {
    /**
     * The edit's announcement as a NOTIFY for the statement that stores it (PostgreSQL), or undefined:
     * then `edit` publishes it once it is stored.
     */
    notification(planId: string, event: EditEvent): Notification | undefined {
      return live?.editNotification(planId, published(event));
    },
    /** Announce a stored edit (`sent`: its statement already sent the `edit` message). */
    async edit(planId: string, event: EditEvent, sent = false): Promise<void> {
      if (!live) return;
      try {
        if (!sent) await live.publishEdit(planId, published(event));
        if (event.ops.some((op) => op.path === "/visibility" || op.path.startsWith("/visibility/")))
          await live.accessChanged(planId);
      } catch {
        // See above: stored is stored.
      }
    },
    async accessChanged(planId: string): Promise<void> {
      if (!live) return;
      try {
        await live.accessChanged(planId);
      } catch {
        // See above.
      }
    },
  };
}
