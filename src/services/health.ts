import type { AppContext } from "./app-context.js";

export interface HealthReport {
  status: "ok" | "unavailable";
  database: "sqlite" | "postgres";
  version: string;
}

/** Whether Carnet can serve requests: its database answers within two seconds. */
export async function checkHealth(context: AppContext): Promise<HealthReport> {
  const ok = await context.database.ping(2000);
  return { status: ok ? "ok" : "unavailable", database: context.database.dialect, version: context.version };
}
