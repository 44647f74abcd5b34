import type { ComponentType } from "react";

/**
 * A page whose code is its own chunk: `load()` fetches it (once), `loaded` is the page once it is in.
 * No React here: the page load can start fetching a page's code before the app starts (`boot.ts`);
 * `LazyPage` (ui/lazy-page.tsx) renders it.
 */
export interface PageCode {
  load(): Promise<ComponentType>;
  loaded: ComponentType | undefined;
}

/** The code of a page, which `importer` fetches. */
export function pageCode(importer: () => Promise<ComponentType>): PageCode {
  let loading: Promise<ComponentType> | undefined;
  const code: PageCode = {
    loaded: undefined,
    load() {
      loading ??= importer().then(
        (page) => {
          code.loaded = page;
          return page;
        },
        (error: unknown) => {
          loading = undefined; // a later call tries again
          throw error;
        },
      );
      return loading;
    },
  };
  return code;
}
