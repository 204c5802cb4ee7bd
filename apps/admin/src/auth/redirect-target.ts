// The `next` parameter of /login: only paths of this app, never another origin.
export function redirectTarget(next: string | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (next.startsWith("/login")) return "/";
  return next;
}

export function loginPath(current: string): string {
  return current === "/" ? "/login" : `/login?next=${encodeURIComponent(current)}`;
}
