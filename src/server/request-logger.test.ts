import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { lazyRequestLogger } from "./request-logger.js";

function appLogging(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) };
  const app = Fastify({
    logger: { level, stream },
    childLoggerFactory: lazyRequestLogger,
    genReqId: () => "req-1",
  });
  app.get("/quiet", async (request) => {
    request.log.info("not written at warn");
    request.log.debug({ detail: 1 }, "nor this");
    return { ok: true };
  });
  app.get("/loud", async (request) => {
    request.log.info("not written at warn");
    request.log.warn({ detail: 2 }, "written");
    request.log.child({ part: "inner" }).error("inner error");
    return { ok: true };
  });
  app.get("/chatty", { logLevel: "info" }, async (request) => {
    request.log.info("the route's own level");
    return { ok: true };
  });
  return { app, lines };
}

describe("request logger", () => {
  it("writes what its level lets through, with the request id, and nothing else", async () => {
    const { app, lines } = appLogging("warn");
    expect((await app.inject({ url: "/quiet" })).statusCode).toBe(200);
    expect(lines).toEqual([]);
    expect((await app.inject({ url: "/loud" })).statusCode).toBe(200);
    expect(lines.map(({ reqId, msg, detail, part }) => ({ reqId, msg, detail, part }))).toEqual([
      { reqId: "req-1", msg: "written", detail: 2, part: undefined },
      { reqId: "req-1", msg: "inner error", detail: undefined, part: "inner" },
    ]);
    expect((await app.inject({ url: "/chatty" })).statusCode).toBe(200);
    // Fastify's own request lines at the route's level, and the route's line, all with the request id.
    expect(lines.slice(2).map((l) => [l.reqId, l.msg])).toEqual([
      ["req-1", "incoming request"],
      ["req-1", "the route's own level"],
      ["req-1", "request completed"],
    ]);
    await app.close();
  });

  it("writes every level at debug, with the request id", async () => {
    const { app, lines } = appLogging("debug");
    await app.inject({ url: "/quiet" });
    expect(lines.map((l) => [l.reqId, l.msg])).toEqual([
      ["req-1", "incoming request"],
      ["req-1", "not written at warn"],
      ["req-1", "nor this"],
      ["req-1", "request completed"],
    ]);
    await app.close();
  });
});
