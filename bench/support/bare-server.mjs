// A bare Fastify server answering GET /plan with the bytes of a file (the plan document Carnet
// serves), for the api-load bench's baseline: `node bench/support/bare-server.mjs FILE PORT`.
import { readFileSync } from "node:fs";
import Fastify from "fastify";

const [file, port] = process.argv.slice(2);
const bytes = readFileSync(file);
const app = Fastify({ logger: false });
app.get("/plan", (_request, reply) => {
  reply.header("content-type", "application/json; charset=utf-8").send(bytes);
});
await app.listen({ host: "127.0.0.1", port: Number(port) });
console.log("listening");
