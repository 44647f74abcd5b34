import { isDatabaseUnavailable as storageSaysUnavailable } from "../storage/database.js";

/** True when `error` means the database cannot be reached right now (answer 503, not 500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return storageSaysUnavailable(error);
}
