/** A person in the plan right now, and the field (JSON pointer) they are in. */
export interface PresentPerson {
  connectionId: string;
  userId: string;
  name: string;
  field: string | null;
}

export interface LiveEdit {
  revision: number;
  author?: unknown;
  ops?: import("../../../domain/edit/ops.js").EditOp[];
  truncated?: boolean;
}

export interface LiveHandlers {
  onHello?(hello: { connectionId: string; revision: number }): void;
  onEdit?(edit: LiveEdit): void;
  onPresence?(present: PresentPerson[]): void;
  onResync?(): void;
  onStatus?(status: "connecting" | "open" | "closed"): void;
}

/**
 * Subscribe to the live events of a plan (`GET /plans/:id/events`, docs/api-plans.md) with the
 * browser's EventSource, which reconnects by itself; returns the function that unsubscribes.
 */
export function subscribePlanEvents(planId: string, handlers: LiveHandlers): () => void {
  if (typeof EventSource === "undefined") return () => {};
  const source = new EventSource(`/api/v1/plans/${encodeURIComponent(planId)}/events`, {
    withCredentials: true,
  });
  handlers.onStatus?.("connecting");
  const parse = (event: Event): unknown => {
    try {
      return JSON.parse((event as MessageEvent<string>).data);
    } catch {
      return undefined;
    }
  };
  source.addEventListener("open", () => handlers.onStatus?.("open"));
  source.addEventListener("error", () =>
    handlers.onStatus?.(source.readyState === EventSource.CLOSED ? "closed" : "connecting"),
  );
  source.addEventListener("hello", (event) => {
    const data = parse(event) as { connectionId?: string; revision?: number } | undefined;
    if (data?.connectionId)
      handlers.onHello?.({ connectionId: data.connectionId, revision: data.revision ?? 0 });
  });
  source.addEventListener("edit", (event) => {
    const data = parse(event) as LiveEdit | undefined;
    if (data && typeof data.revision === "number") handlers.onEdit?.(data);
  });
  source.addEventListener("presence", (event) => {
    const data = parse(event) as { present?: PresentPerson[] } | undefined;
    handlers.onPresence?.(data?.present ?? []);
  });
  source.addEventListener("resync", () => handlers.onResync?.());
  return () => source.close();
}
