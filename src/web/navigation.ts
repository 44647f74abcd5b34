/** Where to go after signing in: `?next=` when it is a path of this site, else the plans. */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get("next");
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/plans";
}

/**
 * An invitation link (`/sign-up?email=…&next=/plans/{id}`, see the invitation e-mail): the address
 * it was sent to and the plan it leads to; null for an ordinary visit.
 */
export function invitationFrom(search: string): { email: string; next: string } | null {
  const params = new URLSearchParams(search);
  const email = params.get("email")?.trim() ?? "";
  const next = nextPath(search);
  return email && next.startsWith("/plans/") ? { email, next } : null;
}

/** The e-mail address a sign-up or sign-in link fills in (`?email=`), else empty. */
export function emailFrom(search: string): string {
  return new URLSearchParams(search).get("email")?.trim() ?? "";
}
