/** Messages of live editing (event streams and presence). */
export const liveEn = {
  "error.live_connection_unknown":
    "This live connection is closed or is not yours. Reconnect to the plan's events and try again.",
} as const;

export const liveFr: Record<keyof typeof liveEn, string> = {
  "error.live_connection_unknown":
    "Cette connexion en direct est fermée ou ne vous appartient pas. Reconnectez-vous aux événements du plan et réessayez.",
};
