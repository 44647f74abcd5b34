import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { BrowserRouter } from "react-router";
import { isApiError } from "./api/client.js";
import { AppRoutes } from "./routes.js";
import { sessionKey } from "./session.js";

/**
 * A query cache where any `unauthenticated` answer (session expired or ended elsewhere) marks the
 * session anonymous, so that protected pages send the user to sign in and back.
 */
function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: { queries: { refetchOnWindowFocus: false } },
    queryCache: new QueryCache({ onError: (error) => signedOutElsewhere(error) }),
    mutationCache: new MutationCache({ onError: (error) => signedOutElsewhere(error) }),
  });
  function signedOutElsewhere(error: unknown) {
    if (isApiError(error, "unauthenticated")) client.setQueryData(sessionKey, null);
  }
  return client;
}

/** The web app: data cache and routes (theme and language are provided by main.tsx). */
export function App() {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
