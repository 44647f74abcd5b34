import { randomUUID } from "node:crypto";
import {
  type LiveMessage,
  maxLivePayloadBytes,
  type Notification,
  type Notifier,
} from "../storage/notifier.js";

/** Who is looking at a plan, and which field they are in (a JSON pointer), as others see it. */
export interface PresenceEntry {
  connectionId: string;
  userId: string;
  name: string;
  field: string | null;
}

/** What a connected editor receives. */
export type LiveEvent =
  | { type: "edit"; planId: string; revision: number; author: string; ops?: unknown; truncated?: boolean }
  | { type: "presence"; planId: string; present: PresenceEntry[] }
  /** Who may see the plan may have changed (binned, visibility, members): streams check again. */
  | { type: "access"; planId: string }
  | { type: "resync" };

/** One open event stream of one user on one plan. */
export interface LiveConnection {
  userId: string;
  name: string;
  /** Receives events but is not shown in presence (an anonymous reader of a public plan). */
  hidden?: boolean;
  send(event: LiveEvent): void;
}

interface RemotePresence extends PresenceEntry {
  expiresAt: number;
}

export interface LiveHubOptions {
  /** How often each instance repeats its presence (ms). */
  heartbeatMs?: number;
  /** How long a presence lives without being repeated (ms). */
  presenceTtlMs?: number;
  now?: () => number;
}

const topicOf = (planId: string) => `plan:${planId}`;

/** An accepted edit as announced to editors. */
export interface PublishedEdit {
  revision: number;
  author: string;
  ops: unknown;
}

/**
 * Live collaboration across processes: accepted edits and presence per plan, carried by the
 * notifier (in-process on SQLite, LISTEN/NOTIFY on PostgreSQL). No state another instance needs is
 * kept only here: presence is repeated on a heartbeat and expires when an instance goes away.
 */
export function createLiveHub(notifier: Notifier, options: LiveHubOptions = {}) {
  const instance = randomUUID();
  const editMessage = (planId: string, edit: PublishedEdit): LiveMessage => {
    const full = { topic: topicOf(planId), type: "edit", data: edit, origin: instance };
    // Big batches (long rich text) go without their ops: clients reload the plan at that revision.
    const fits = Buffer.byteLength(JSON.stringify(full)) <= maxLivePayloadBytes;
    return fits ? full : { ...full, data: { revision: edit.revision, author: edit.author, truncated: true } };
  };
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const ttlMs = options.presenceTtlMs ?? 3 * heartbeatMs;
  const now = options.now ?? Date.now;
  /** planId → connectionId → local connection and its current field. */
  const local = new Map<string, Map<string, { connection: LiveConnection; field: string | null }>>();
  /** planId → connectionId → presence seen in any instance (ours included, through the notifier). */
  const presence = new Map<string, Map<string, RemotePresence>>();

  const presentOn = (planId: string): PresenceEntry[] => {
    const entries = presence.get(planId);
    if (!entries) return [];
    const t = now();
    for (const [id, entry] of entries) if (entry.expiresAt <= t) entries.delete(id);
    return [...entries.values()]
      .map(({ expiresAt: _expires, ...entry }) => entry)
      .sort((a, b) => a.name.localeCompare(b.name) || a.connectionId.localeCompare(b.connectionId));
  };

  const broadcastLocally = (planId: string, event: LiveEvent) => {
    for (const { connection } of local.get(planId)?.values() ?? []) {
      try {
        connection.send(event);
      } catch {
        // A broken stream is removed by its own close handler; others still get the event.
      }
    }
  };

  const announce = (planId: string, connectionId: string, left = false) => {
    const entry = local.get(planId)?.get(connectionId);
    if (entry?.connection.hidden) return Promise.resolve();
    const data = left
      ? { connectionId, left: true }
      : entry && {
          connectionId,
          userId: entry.connection.userId,
          name: entry.connection.name,
          field: entry.field,
        };
    if (!data) return Promise.resolve();
    return notifier
      .publish({ topic: topicOf(planId), type: "presence", data, origin: instance })
      .catch(() => {});
  };

  const onMessage = (message: LiveMessage) => {
    if (message.type === "resync") {
      for (const planId of local.keys()) broadcastLocally(planId, { type: "resync" });
      return;
    }
    if (!message.topic.startsWith("plan:")) return;
    const planId = message.topic.slice(5);
    if (message.type === "edit") {
      broadcastLocally(planId, {
        ...(message.data as Omit<LiveEvent & { type: "edit" }, "type" | "planId">),
        type: "edit",
        planId,
      });
    } else if (message.type === "access") {
      broadcastLocally(planId, { type: "access", planId });
    } else if (message.type === "focus") {
      // Another instance took a presence request for one of our connections (no sticky sessions).
      const data = message.data as { connectionId?: string; userId?: string; field?: string | null };
      const entry = data.connectionId ? local.get(planId)?.get(data.connectionId) : undefined;
      if (!entry || !data.connectionId || entry.connection.hidden || entry.connection.userId !== data.userId)
        return;
      entry.field = data.field ?? null;
      void announce(planId, data.connectionId);
    } else if (message.type === "presence") {
      const data = message.data as Partial<PresenceEntry> & { left?: boolean };
      if (!data.connectionId) return;
      const entries = presence.get(planId) ?? new Map<string, RemotePresence>();
      presence.set(planId, entries);
      const before = JSON.stringify(presentOn(planId));
      if (data.left) entries.delete(data.connectionId);
      else
        entries.set(data.connectionId, {
          connectionId: data.connectionId,
          userId: String(data.userId),
          name: String(data.name),
          field: data.field ?? null,
          expiresAt: now() + ttlMs,
        });
      const present = presentOn(planId);
      if (JSON.stringify(present) !== before) broadcastLocally(planId, { type: "presence", planId, present });
    }
  };
  const unsubscribe = notifier.subscribe(onMessage);

  const heartbeat = setInterval(() => {
    for (const [planId, connections] of local) for (const id of connections.keys()) void announce(planId, id);
    // Drop presences whose instance stopped repeating them, and tell local viewers.
    for (const planId of local.keys()) {
      const before = presence.get(planId)?.size ?? 0;
      const present = presentOn(planId);
      if (present.length !== before) broadcastLocally(planId, { type: "presence", planId, present });
    }
  }, heartbeatMs);
  heartbeat.unref();

  return {
    /** Attach a stream to a plan; returns its connection id and the function that detaches it. */
    async join(
      planId: string,
      connection: LiveConnection,
    ): Promise<{ connectionId: string; leave: () => Promise<void> }> {
      const connectionId = randomUUID();
      const connections = local.get(planId) ?? new Map();
      local.set(planId, connections);
      connections.set(connectionId, { connection, field: null });
      connection.send({ type: "presence", planId, present: presentOn(planId) });
      await announce(planId, connectionId);
      return {
        connectionId,
        leave: async () => {
          if (!local.get(planId)?.has(connectionId)) return;
          await announce(planId, connectionId, true);
          local.get(planId)?.delete(connectionId);
          if (local.get(planId)?.size === 0) local.delete(planId);
        },
      };
    },

    /**
     * Record which field (JSON pointer) a connection is editing, or null when it leaves the field.
     * With `userId`, the connection must be that user's; it may then live in another instance (the
     * request is forwarded to it through the notifier). False when the connection is unknown here,
     * hidden or someone else's.
     */
    async focus(
      planId: string,
      connectionId: string,
      field: string | null,
      options: { userId?: string } = {},
    ): Promise<boolean> {
      const entry = local.get(planId)?.get(connectionId);
      if (entry) {
        if (entry.connection.hidden) return false;
        if (options.userId !== undefined && entry.connection.userId !== options.userId) return false;
        entry.field = field;
        await announce(planId, connectionId);
        return true;
      }
      if (options.userId === undefined) return false;
      const known = presence.get(planId)?.get(connectionId);
      if (!known || known.expiresAt <= now() || known.userId !== options.userId) return false;
      await notifier.publish({
        topic: topicOf(planId),
        type: "focus",
        data: { connectionId, userId: options.userId, field },
        origin: instance,
      });
      return true;
    },

    /** Tell every stream of the plan, in every instance, to check again that its user may still read it. */
    async accessChanged(planId: string): Promise<void> {
      await notifier.publish({ topic: topicOf(planId), type: "access", data: null, origin: instance });
    },

    /** Tell every editor of the plan, in every instance, about an accepted edit. */
    async publishEdit(planId: string, edit: PublishedEdit): Promise<void> {
      await notifier.publish(editMessage(planId, edit));
    },

    /**
     * The announcement of an edit as a NOTIFY for the statement that stores it to send (PostgreSQL),
     * so that storing and announcing take one round trip; undefined when it must be published.
     */
    editNotification(planId: string, edit: PublishedEdit): Notification | undefined {
      return notifier.notification(editMessage(planId, edit));
    },

    /** Presence currently known for a plan. */
    present: presentOn,

    /** Number of local streams (for shutdown and metrics). */
    localConnections: () => [...local.values()].reduce((n, m) => n + m.size, 0),

    /** Send every local stream a final event and forget them (shutdown). */
    async close(): Promise<void> {
      clearInterval(heartbeat);
      for (const [planId, connections] of local)
        for (const id of connections.keys()) await announce(planId, id, true);
      local.clear();
      unsubscribe();
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
