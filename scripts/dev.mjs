#!/usr/bin/env node
// Development: the API server restarts on change (tsx watch, port 3000) and Vite serves the web app
// with hot reload on http://localhost:5173, proxying /api to the server. Ctrl-C stops both.
import { spawn } from "node:child_process";

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const children = [
  spawn(bin("tsx"), ["watch", "--clear-screen=false", "src/cli/main.ts", "serve", ...process.argv.slice(2)], {
    stdio: "inherit",
  }),
  spawn(bin("vite"), [], { stdio: "inherit" }),
];
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) child.on("exit", (code) => code && code !== 0 && stop());
