/** Where to go after signing in: `?next=` when it is a path of this site, else the plans. */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get("next");
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/plans";
}

/**
 * An invitation link (`/sign-up?email=…&invitation=…&next=/plans/{id}`, see the invitation e-mail):
 * the address it was sent to, the plan it leads to and its token (which joins the plan once the
 * invitee is signed in with that address); null for an ordinary visit.
 */
export function invitationFrom(search: string): { email: string; next: string; token: string } | null {
  const params = new URLSearchParams(search);
  const email = params.get("email")?.trim() ?? "";
  const token = params.get("invitation")?.trim() ?? "";
  const next = nextPath(search);
  return email && token && next.startsWith("/plans/") ? { email, next, token } : null;
}

/**
 * Where to go once signed in (or already signed in) from a page reached with `search`: through the
 * acceptance of the invitation when it is an invitation link, else to `?next=`.
 */
export function afterSignIn(search: string): string {
  const invitation = invitationFrom(search);
  if (!invitation) return nextPath(search);
  return `/invitations/accept?${new URLSearchParams({ token: invitation.token, next: invitation.next })}`;
}

/** The e-mail address a sign-up or sign-in link fills in (`?email=`), else empty. */
export function emailFrom(search: string): string {
  return new URLSearchParams(search).get("email")?.trim() ?? "";
}
