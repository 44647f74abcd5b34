/** Where to go after signing in: `?next=` when it is a path of this site, else the plans. */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get("next");
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/plans";
}
