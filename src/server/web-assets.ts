import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { packageRoot } from "../shared/package-info.js";
import { replyNotFound } from "./error-handler.js";

/** Folder of the built web app (Vite output). */
export const webDistDir = join(packageRoot, "dist", "web");

const notBuiltPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Carnet</title>
<body><h1>Carnet</h1><p>The web app is not built yet: run <code>npm run build</code>, then reload.</p>
<p lang="fr">L’application web n’est pas encore construite : lancez <code>npm run build</code>, puis rechargez.</p></body></html>`;

/**
 * Serve the React app: hashed assets with long caching, and `index.html` for every other GET that is
 * not an API path, so that client-side routes survive a reload.
 */
export async function registerWebAssets(app: FastifyInstance, distDir = webDistDir): Promise<void> {
  const indexFile = join(distDir, "index.html");
  const built = existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      setHeaders: (res, path) => {
        if (path.includes(`${join(distDir, "assets")}`))
          res.header("cache-control", "public, max-age=31536000, immutable");
      },
    });
  }
  const indexHtml = () => (built ? readFileSync(indexFile, "utf8") : notBuiltPage);

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const isApi = path.startsWith("/api/") || path === "/api" || path === "/healthz";
    const wantsHtml = request.method === "GET" || request.method === "HEAD";
    if (isApi || !wantsHtml || /\.[a-z0-9]+$/i.test(path)) return replyNotFound(request, reply);
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(indexHtml());
  });
}
