import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
// The `carnet` launcher, as users run it: the compiled CLI when the build is up to date (as in CI,
// which builds first; it starts in a third of the time), otherwise the sources through tsx.
const entry = "bin/carnet.js";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function baseEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CARNET_LANG: "en", LOG_LEVEL: "info", ...extra };
  // The suite's own database settings must not leak into the command under test.
  if (!("DATABASE_URL" in extra)) delete env.DATABASE_URL;
  return env;
}

/** Run `carnet ARGS…` (the current sources, compiled or through tsx) and collect its output. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], {
      cwd: root,
      env: baseEnv(env),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

/** A `carnet serve` process started for a test. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Send SIGTERM and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Start `carnet serve ARGS…` and resolve once it logs that it is listening. */
export function startServer(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, "serve", ...args], {
      cwd: root,
      env: baseEnv(env),
    });
    let output = "";
    const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
    // A deadline for a hung start, not a speed test: on a loaded CI machine (test runs side by side)
    // starting Node and the server has taken more than 20 s.
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start within 50 s:\n${output}`));
    }, 50_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          child,
          output: () => output,
          stop: (signal = "SIGTERM") => {
            child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
