/** Query key of the token list. */
export const tokensKey = ["account", "tokens"] as const;
