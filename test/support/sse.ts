/** One Server-Sent Event as received: its name, parsed JSON data and when it arrived. */
export interface ReceivedEvent {
  event: string;
  data: unknown;
  at: number;
}

/** An open event stream read over real HTTP (fetch), for tests and benches. */
export interface SseClient {
  status: number;
  headers: Headers;
  /** Body of a non-200 answer (JSON error), if any. */
  body: unknown;
  events: ReceivedEvent[];
  /** Comment lines received (keep-alives), with their arrival times. */
  comments: { text: string; at: number }[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** The first event (already received or to come) matching `predicate`. */
  next(predicate: (event: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  close(): void;
}

/**
 * Open `url` as an event stream (with `headers`: cookies or bearer) and parse what arrives, per the
 * SSE format: `event:`/`data:` fields, a blank line ends an event, `:` starts a comment.
 */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: "text/event-stream", ...headers },
    signal: controller.signal,
  });
  const events: ReceivedEvent[] = [];
  const comments: { text: string; at: number }[] = [];
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const waiter of [...waiters]) waiter();
  };
  let finished = false;

  let body: unknown;
  let ended: Promise<void> = Promise.resolve();
  if (response.status !== 200 || !response.body) {
    body = await response.json().catch(() => undefined);
  } else {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    ended = (async () => {
      let buffer = "";
      let name = "message";
      let data: string[] = [];
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let newline = buffer.indexOf("\n");
          while (newline >= 0) {
            const line = buffer.slice(0, newline).replace(/\r$/, "");
            buffer = buffer.slice(newline + 1);
            newline = buffer.indexOf("\n");
            if (line === "") {
              if (data.length > 0)
                events.push({ event: name, data: JSON.parse(data.join("\n")), at: performance.now() });
              name = "message";
              data = [];
              notify();
            } else if (line.startsWith(":")) {
              comments.push({ text: line.slice(1).trim(), at: performance.now() });
              notify();
            } else {
              const colon = line.indexOf(":");
              const field = colon < 0 ? line : line.slice(0, colon);
              const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
              if (field === "event") name = value;
              else if (field === "data") data.push(value);
            }
          }
        }
      } catch {
        // aborted by close()
      } finally {
        finished = true;
        notify();
      }
    })();
  }

  return {
    status: response.status,
    headers: response.headers,
    body,
    events,
    comments,
    ended,
    next(predicate, timeoutMs = 3000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(predicate);
          if (found) {
            done();
            resolve(found);
          } else if (finished) {
            done();
            reject(new Error(`stream ended without a matching event; got ${JSON.stringify(events)}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}
