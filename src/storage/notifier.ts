import { EventEmitter } from "node:events";
import { sql } from "kysely";
import pg from "pg";
import type { Database, DatabaseSettings } from "./database.js";

/** A message between Carnet processes: a topic (e.g. `plan:<id>`), a type and a small JSON payload. */
export interface LiveMessage {
  topic: string;
  type: string;
  data: unknown;
  /** Instance that published the message. */
  origin: string;
}

/** Delivers messages to every subscriber of every Carnet process sharing the database. */
export interface Notifier {
  /** Start listening (PostgreSQL: connect and LISTEN); messages published before this may be missed. */
  start(): Promise<void>;
  publish(message: LiveMessage): Promise<void>;
  /**
   * PostgreSQL: the channel and payload of `message`, for a statement that sends it itself with
   * `pg_notify` (delivered when its transaction commits, exactly as `publish` would deliver it);
   * undefined where messages do not go through the database, or when it is too large.
   */
  notification(message: LiveMessage): Notification | undefined;
  /** Receive every message (including this process's own); returns the unsubscribe function. */
  subscribe(handler: (message: LiveMessage) => void): () => void;
  close(): Promise<void>;
}

/** A NOTIFY to send: what `pg_notify(channel, payload)` takes. */
export interface Notification {
  channel: string;
  payload: string;
}

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay below with room for escaping. */
export const maxLivePayloadBytes = 7000;

const channel = "carnet_live";

/** One process (SQLite): an in-memory bus, delivered asynchronously like the PostgreSQL one. */
function createLocalNotifier(): Notifier {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    start: async () => {},
    publish: async (message) => {
      setImmediate(() => emitter.emit("message", message));
    },
    notification: () => undefined,
    subscribe: (handler) => {
      emitter.on("message", handler);
      return () => emitter.off("message", handler);
    },
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}

/**
 * Several processes (PostgreSQL): LISTEN on a dedicated connection, NOTIFY through the pool. When the
 * listening connection drops it emits a `lost` message (topic `*`: what is remembered on the strength
 * of notifications can no longer be trusted), reconnects with backoff and emits a `resync` message,
 * because messages sent meanwhile are lost and clients must reload what they show.
 */
function createPostgresNotifier(database: Database, url: string): Notifier {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let client: pg.Client | undefined;
  let closed = false;
  let retryDelay = 100;
  let retryTimer: NodeJS.Timeout | undefined;

  const deliver = (payload: string | undefined) => {
    if (!payload) return;
    try {
      emitter.emit("message", JSON.parse(payload) as LiveMessage);
    } catch {
      // A foreign or corrupt payload on our channel: ignore it rather than crash the listener.
    }
  };

  const connect = async (isReconnect: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (notification) => deliver(notification.payload));
    const onLost = () => {
      if (client !== next || closed) return;
      client = undefined;
      next.removeAllListeners();
      next.end().catch(() => {});
      emitter.emit("message", { topic: "*", type: "lost", data: null, origin: "notifier" });
      scheduleReconnect();
    };
    next.on("error", onLost);
    next.on("end", onLost);
    await next.connect();
    await next.query(`listen ${channel}`);
    client = next;
    retryDelay = 100;
    if (isReconnect) emitter.emit("message", { topic: "*", type: "resync", data: null, origin: "notifier" });
  };

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect(true).catch(() => {
        retryDelay = Math.min(retryDelay * 2, 5000);
        scheduleReconnect();
      });
    }, retryDelay);
  };

  return {
    start: () => connect(false),
    publish: async (message) => {
      const payload = JSON.stringify(message);
      if (Buffer.byteLength(payload) > maxLivePayloadBytes) {
        throw new Error(
          `live message too large (${Buffer.byteLength(payload)} bytes) for topic ${message.topic}`,
        );
      }
      await sql`select pg_notify(${channel}, ${payload})`.execute(database.db);
    },
    notification: (message) => {
      const payload = JSON.stringify(message);
      return Buffer.byteLength(payload) > maxLivePayloadBytes ? undefined : { channel, payload };
    },
    subscribe: (handler) => {
      emitter.on("message", handler);
      return () => emitter.off("message", handler);
    },
    close: async () => {
      closed = true;
      clearTimeout(retryTimer);
      emitter.removeAllListeners();
      const current = client;
      client = undefined;
      if (current) {
        current.removeAllListeners();
        current.on("error", () => {});
        await current.end().catch(() => {});
      }
    },
  };
}

/** The notifier suited to the database: in-process for SQLite, LISTEN/NOTIFY for PostgreSQL. */
export function createNotifier(database: Database, settings: DatabaseSettings): Notifier {
  return settings.dialect === "postgres"
    ? createPostgresNotifier(database, settings.url)
    : createLocalNotifier();
}
