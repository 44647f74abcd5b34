import type {
  LiveEndReason,
  LivePresenceEntry,
  LiveStreamEventName,
  LiveStreamEvents,
} from "../../contract/live.js";
import type { UiLanguage } from "../../i18n/translate.js";
import { apiRequest } from "./client.js";

export type { LiveEndReason, LivePresenceEntry, LiveStreamEvents } from "../../contract/live.js";
export type LiveHello = LiveStreamEvents["hello"];
export type LiveEdit = LiveStreamEvents["edit"];

/**
 * State of a plan's event stream:
 * - `connecting`: first connection under way;
 * - `open`: connected, `hello` received (events flow, `connectionId()` is valid);
 * - `retrying`: the connection dropped (network, server restart); reconnecting with a growing delay;
 * - `closed`: ended for good by the server — the caller may no longer read the plan (`reason`).
 */
export type LiveStatus = "connecting" | "open" | "retrying" | "closed";

/** What to do with a plan's events. Every handler is optional. */
export interface LiveHandlers {
  /**
   * A (re)connection is ready. Called again after every reconnection, with a new connection id and
   * the plan's revision: if it is not the revision you show, events were missed — reload the plan.
   */
  onHello?(hello: LiveHello): void;
  /**
   * An accepted edit (yours included: ignore revisions you already have). Apply `ops` when
   * `revision` is the one after yours; reload the plan when there is a gap or no `ops` (`truncated`).
   */
  onEdit?(edit: LiveEdit): void;
  /** Everyone with the plan open (sorted by name), each with the field they edit or null. */
  onPresence?(present: LivePresenceEntry[]): void;
  /** Events may have been lost on the server side: reload the plan. */
  onResync?(): void;
  /** The stream's state changed; `reason` is set when the server ended it for good. */
  onStatus?(status: LiveStatus, reason?: LiveEndReason): void;
}

/** The part of the DOM `EventSource` this module uses (lets tests and other runtimes supply one). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
  onerror: ((event: Event) => void) | null;
}
export type EventSourceFactory = (url: string) => EventSourceLike;

export interface LiveOptions {
  /** Origin of the API (default: this page's). */
  baseUrl?: string;
  /** Makes the EventSource (default: the browser's, which sends the session cookie on the same origin). */
  eventSource?: EventSourceFactory;
  /** Used to tell "gone for good" from "try again" after a refused connection (default: global fetch). */
  fetch?: typeof fetch;
  /** First reconnection delay (ms); doubles up to `maxRetryDelayMs`, with jitter. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

export interface LiveSubscription {
  /** Stop listening (no handler is called any more); the server removes this connection's presence. */
  close(): void;
  /** Id of the current connection (for `sendPresence`), or null while not open. */
  connectionId(): string | null;
}

const closedState = 2; // EventSource.CLOSED

const eventsPath = (baseUrl: string, planId: string) =>
  `${baseUrl}/api/v1/plans/${encodeURIComponent(planId)}/events`;

/**
 * Follow a plan's live events (`GET /api/v1/plans/{id}/events`) over `EventSource`, reconnecting
 * until `close()` or until the server says the stream is over (`end` event, or a refused
 * reconnection the plan's own URL confirms: 401/404). Reconnection:
 * - a dropped stream is reopened by the EventSource itself (`retry: 2000` from the server);
 * - a refused one (server restarting: 502/503, proxy errors) is reopened here after 1 s, 2 s, 4 s…
 *   up to 30 s, with jitter so that many tabs do not come back at once.
 * Independent of React: a hook can call it in an effect and `close()` in the clean-up.
 */
export function subscribePlanEvents(
  planId: string,
  handlers: LiveHandlers,
  options: LiveOptions = {},
): LiveSubscription {
  const baseUrl = options.baseUrl ?? "";
  const makeSource =
    options.eventSource ?? ((url: string) => new EventSource(url) as unknown as EventSourceLike);
  const probe = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const firstDelay = options.retryDelayMs ?? 1000;
  const maxDelay = options.maxRetryDelayMs ?? 30_000;

  let source: EventSourceLike | undefined;
  let current: string | null = null;
  let status: LiveStatus | undefined;
  let stopped = false;
  let attempts = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (next: LiveStatus, reason?: LiveEndReason) => {
    if (status === next && reason === undefined) return;
    status = next;
    handlers.onStatus?.(next, reason);
  };

  const stop = (reason?: LiveEndReason) => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
    source = undefined;
    current = null;
    if (reason) setStatus("closed", reason);
  };

  /** Parse an event's JSON data; a malformed event is ignored rather than break the stream. */
  const on = <N extends LiveStreamEventName>(
    target: EventSourceLike,
    name: N,
    handle: (data: LiveStreamEvents[N]) => void,
  ) => {
    target.addEventListener(name, (event) => {
      if (stopped || target !== source) return;
      let data: LiveStreamEvents[N];
      try {
        data = JSON.parse(event.data) as LiveStreamEvents[N];
      } catch {
        return;
      }
      handle(data);
    });
  };

  const scheduleReconnect = () => {
    const delay = Math.min(maxDelay, firstDelay * 2 ** attempts) * (0.5 + Math.random() / 2);
    attempts += 1;
    setStatus("retrying");
    timer = setTimeout(connect, delay);
  };

  /** After a refused connection: is the plan still readable? 401/404 → over; anything else → retry. */
  const afterRefusal = async () => {
    try {
      const response = await probe(`${baseUrl}/api/v1/plans/${encodeURIComponent(planId)}`, {
        method: "HEAD",
        credentials: "same-origin",
      });
      if (stopped) return;
      if (response.status === 404) return stop("not_found");
      if (response.status === 401) return stop("unauthenticated");
    } catch {
      // Network down: try again later.
    }
    if (!stopped) scheduleReconnect();
  };

  function connect() {
    if (stopped) return;
    const next = makeSource(eventsPath(baseUrl, planId));
    source = next;
    current = null;
    on(next, "hello", (hello) => {
      current = hello.connectionId;
      attempts = 0;
      setStatus("open");
      handlers.onHello?.(hello);
    });
    on(next, "edit", (edit) => handlers.onEdit?.(edit));
    on(next, "presence", (data) => handlers.onPresence?.(data.present));
    on(next, "resync", () => handlers.onResync?.());
    on(next, "end", (data) => stop(data.reason));
    next.onerror = () => {
      if (stopped || next !== source) return;
      current = null;
      if (next.readyState === closedState) {
        // Refused (not a 200 event stream): the EventSource gave up; decide here.
        next.close();
        source = undefined;
        setStatus("retrying");
        void afterRefusal();
      } else {
        setStatus("retrying"); // the EventSource reconnects by itself
      }
    };
  }

  setStatus("connecting");
  connect();
  return {
    close: () => stop(),
    connectionId: () => current,
  };
}

/**
 * Say which field (JSON pointer, or null for none) the user is editing through their stream
 * `connectionId` (`POST /api/v1/plans/{id}/presence`, with the anti-forgery header). Rejects with an
 * ApiError; `live_connection_unknown` means the stream is gone: wait for the next `onHello`.
 */
export function sendPresence(
  planId: string,
  connectionId: string,
  field: string | null,
  options: { lang: UiLanguage; baseUrl?: string; signal?: AbortSignal },
): Promise<void> {
  return apiRequest<void>(`${options.baseUrl ?? ""}/api/v1/plans/${encodeURIComponent(planId)}/presence`, {
    method: "POST",
    body: { connectionId, field },
    lang: options.lang,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
