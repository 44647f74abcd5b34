import { ConfigError } from "../shared/config.js";

/** How look-ups reach the remote services. */
export interface LookupSettings {
  /** Answer from the offline registries only (air-gapped installs, tests): no request leaves. */
  offline: boolean;
  timeoutMs: number;
  cacheTtlMs: number;
  breakerThreshold: number;
  breakerCooldownMs: number;
  baseUrls: { orcid: string; ror: string; rnsr: string; re3data: string };
  rorClientId?: string | undefined;
}

export const defaultLookupSettings: LookupSettings = {
  offline: false,
  timeoutMs: 2000,
  cacheTtlMs: 10 * 60_000,
  breakerThreshold: 3,
  breakerCooldownMs: 30_000,
  baseUrls: {
    orcid: "https://pub.orcid.org",
    ror: "https://api.ror.org",
    rnsr: "https://data.enseignementsup-recherche.gouv.fr",
    re3data: "https://www.re3data.org",
  },
};

function httpUrl(name: string, value: string | undefined, fallback: string): string {
  if (value === undefined || value === "") return fallback;
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") return value;
  } catch {}
  throw new ConfigError("config.invalid", { reason: `${name} '${value}' is not an http(s) URL` });
}

/**
 * Look-up settings from the environment: CARNET_LOOKUPS_OFFLINE=1, CARNET_LOOKUPS_TIMEOUT_MS,
 * CARNET_ORCID_URL, CARNET_ROR_URL, CARNET_RNSR_URL, CARNET_RE3DATA_URL, CARNET_ROR_CLIENT_ID.
 */
export function lookupSettingsFromEnv(env: NodeJS.ProcessEnv): LookupSettings {
  const timeout = env.CARNET_LOOKUPS_TIMEOUT_MS;
  const timeoutMs = timeout ? Number(timeout) : defaultLookupSettings.timeoutMs;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 60_000) {
    throw new ConfigError("config.invalid", {
      reason: `CARNET_LOOKUPS_TIMEOUT_MS '${timeout}' must be a whole number of milliseconds from 1 to 60000`,
    });
  }
  const d = defaultLookupSettings.baseUrls;
  return {
    ...defaultLookupSettings,
    offline: ["1", "true", "yes"].includes((env.CARNET_LOOKUPS_OFFLINE ?? "").toLowerCase()),
    timeoutMs,
    baseUrls: {
      orcid: httpUrl("CARNET_ORCID_URL", env.CARNET_ORCID_URL, d.orcid),
      ror: httpUrl("CARNET_ROR_URL", env.CARNET_ROR_URL, d.ror),
      rnsr: httpUrl("CARNET_RNSR_URL", env.CARNET_RNSR_URL, d.rnsr),
      re3data: httpUrl("CARNET_RE3DATA_URL", env.CARNET_RE3DATA_URL, d.re3data),
    },
    rorClientId: env.CARNET_ROR_CLIENT_ID || undefined,
  };
}
