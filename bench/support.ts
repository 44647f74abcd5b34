/** Small helpers shared by the benchmarks: timing statistics, a table printer, a signed-in page with a plan. */
import type { Page } from "playwright-core";

export interface Stats {
  n: number;
  median: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
}

/** Order statistics of a list of durations (milliseconds). */
export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    n: sorted.length,
    median: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Print rows as an aligned text table. */
export function printTable(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n${title}`);
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] ?? {});
  const cell = (value: string | number | undefined) =>
    typeof value === "number" ? (Number.isInteger(value) ? String(value) : value.toFixed(2)) : (value ?? "");
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i] ?? 0)).join("  ");
  console.log(line(columns));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => cell(row[c]))));
}

/** Resident set size of a process in MB, from /proc (Linux). */
export async function rssOfPid(pid: number): Promise<number> {
  const { readFileSync } = await import("node:fs");
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match?.[1] ? Number(match[1]) / 1024 : Number.NaN;
}

/**
 * In a page of the Carnet server: register an account (signed in from then on) and import `plan`
 * (native format); returns the new plan's id.
 */
export async function signUpWithPlan(page: Page, email: string, plan: unknown): Promise<string> {
  await page.goto("/");
  // A string, not a function: tsx would wrap named helpers in `__name`, unknown in the page.
  return (await page.evaluate(`(async () => {
    const post = async (path, body) => {
      const csrf = /(?:^|;\\s*)carnet_csrf=([^;]+)/.exec(document.cookie)?.[1];
      const headers = { "content-type": "application/json" };
      if (csrf) headers["x-csrf-token"] = decodeURIComponent(csrf);
      const response = await fetch(path, { method: "POST", headers, body: JSON.stringify(body) });
      return response.json();
    };
    await post("/api/v1/auth/register", {
      displayName: "Bench",
      email: ${JSON.stringify(email)},
      password: "correct horse battery staple",
    });
    const imported = await post("/api/v1/plans/import?format=native", ${JSON.stringify(plan)});
    return imported.plan.id;
  })()`)) as string;
}
