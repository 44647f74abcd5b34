import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Account } from "../contract/accounts.js";
import { isApiError } from "./api/client.js";
import { useAccountApi } from "./api/use-api.js";
import { sessionPrefetchKey, takeArrived, takePrefetched } from "./prefetch.js";

type SessionAnswer = { account: Account | null };

/** Query key of the signed-in account (null when anonymous). */
export const sessionKey = ["session", "account"] as const;

export interface SessionState {
  /** The signed-in account, null when anonymous, undefined while the first check runs. */
  account: Account | null | undefined;
  loading: boolean;
}

/**
 * Who is signed in, asked once to the server and cached: `GET /api/v1/session` answers anonymous
 * visitors without a 401 (a server without that probe is asked `GET /api/v1/account` instead).
 */
export function useSession(): SessionState {
  const api = useAccountApi();
  const query = useQuery({
    queryKey: sessionKey,
    queryFn: async ({ signal }) => {
      try {
        // The page load asked already (boot.ts): its answer, the first time.
        const prefetched = takePrefetched<SessionAnswer>(sessionPrefetchKey);
        return (await (prefetched ?? api.getSession(signal))).account;
      } catch (error) {
        if (!isApiError(error) || error.status !== 404) throw error;
      }
      try {
        return await api.getAccount(signal);
      } catch (error) {
        if (isApiError(error, "unauthenticated")) return null;
        throw error;
      }
    },
    // Already there when the page load's check has answered: no loading state to render first.
    initialData: () => takeArrived<SessionAnswer>(sessionPrefetchKey)?.value.account,
    staleTime: 5 * 60_000,
    retry: (count, error) => !isApiError(error) || (error.code === "network" && count < 2),
  });
  return { account: query.data, loading: query.isPending };
}

/** Record a new signed-in account (after sign-in, register or a profile change). */
export function setSessionAccount(client: QueryClient, account: Account | null): void {
  client.setQueryData(sessionKey, account);
}

/** Forget everything cached for the previous user and mark the session anonymous. */
export function clearSession(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
  client.setQueryData(sessionKey, null);
}

/** The query client, re-exported so that features need not import TanStack Query for it. */
export { useQueryClient };
