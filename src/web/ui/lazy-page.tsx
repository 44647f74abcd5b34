import { type ComponentType, useEffect, useState } from "react";
import type { PageCode } from "../page-code.js";
import { PageLoader } from "./page.js";

/**
 * The page of `code`, rendered at once when its code is loaded (`code.load()` called at startup,
 * alongside the page's data), else a loader until it is. Not `React.lazy`: once a suspended route's
 * fallback shows, React waits at least 300 ms before revealing the page, even when its code arrives a
 * moment later. A failure to load goes to the route's error element, as with `React.lazy`.
 */
export function LazyPage({ code }: { code: PageCode }) {
  const [page, setPage] = useState<{ Page: ComponentType } | { error: unknown } | undefined>(() =>
    code.loaded ? { Page: code.loaded } : undefined,
  );
  useEffect(() => {
    if (page) return;
    let current = true;
    code.load().then(
      (Page) => current && setPage({ Page }),
      (error: unknown) => current && setPage({ error }),
    );
    return () => {
      current = false;
    };
  }, [code, page]);
  if (!page) return <PageLoader />;
  if ("error" in page) throw page.error;
  return <page.Page />;
}
