// Hash routing: #/view/arg?param=value. Every view is fully described by
// its URL, so any view can be bookmarked or shared as a link.

export interface Route { view: string; arg: string; params: URLSearchParams }

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, "");
  const qi = raw.indexOf("?");
  const path = qi >= 0 ? raw.slice(0, qi) : raw;
  const params = new URLSearchParams(qi >= 0 ? raw.slice(qi + 1) : "");
  const [view, ...rest] = path.split("/");
  return { view: view || "search", arg: decodeURIComponent(rest.join("/")), params };
}

export function link(view: string, params?: Record<string, string | number | undefined>, arg?: string): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== "") p.set(k, String(v));
  }
  const qs = p.toString();
  return "#/" + view + (arg ? "/" + encodeURIComponent(arg) : "") + (qs ? "?" + qs : "");
}

/** filter renders name:value, quoting the value when it has to be. */
export function filter(name: string, value: string): string {
  return /^[^\s()"]+$/.test(value) ? `${name}:${value}` : `${name}:"${value.replace(/"/g, '""')}"`;
}

/** addTerm appends a term to a query unless it is already there. */
export function addTerm(q: string, term: string): string {
  q = q.trim();
  if ((" " + q + " ").includes(" " + term + " ")) return q;
  return q ? q + " " + term : term;
}

/** actorFilter is the actor: filter for a network node id (a code or a name). */
export function actorFilter(id: string): string {
  return /^[A-Z]{3,15}$/.test(id) ? "actor:" + id : filter("actor", id);
}
