import "./style.css";
import "uplot/dist/uPlot.min.css";
import { parseHash, link, Route } from "./route";
import { clear, errorBox, h } from "./dom";
import { searchView, storyView } from "./views/search";
import { articleView } from "./views/article";
import { timelineView } from "./views/timeline";
import { networkView } from "./views/network";
import { mapView } from "./views/map";
import { quotesView } from "./views/quotes";
import { claimsView } from "./views/claims";
import { eventsView } from "./views/events";

type View = (root: HTMLElement, r: Route) => Promise<void> | void;

const views: Record<string, View> = {
  search: searchView,
  story: storyView,
  article: articleView,
  timeline: timelineView,
  network: networkView,
  map: mapView,
  quotes: quotesView,
  claims: claimsView,
  events: eventsView,
};

// Views whose query box applies to them; the article view sends a typed
// query to search.
const queryViews = new Set(["search", "timeline", "network", "map", "quotes", "claims", "events"]);

let renderSeq = 0;

async function render(): Promise<void> {
  const seq = ++renderSeq;
  const r = parseHash(location.hash);
  const root = document.getElementById("view")!;
  const q = document.getElementById("q") as HTMLInputElement;
  if (document.activeElement !== q) q.value = r.params.get("q") || "";
  for (const a of Array.from(document.querySelectorAll("#nav a"))) {
    const v = (a as HTMLElement).dataset.view!;
    a.classList.toggle("active", v === r.view);
    // Carry the query from view to view.
    (a as HTMLAnchorElement).href = link(v, { q: queryViews.has(r.view) ? r.params.get("q") || undefined : undefined });
  }
  const view = views[r.view];
  clear(root);
  document.body.dataset.view = r.view;
  if (!view) {
    root.appendChild(errorBox(`No view "${r.view}". Try Search.`));
    return;
  }
  root.appendChild(h("div", { class: "loading" }, "Loading…"));
  try {
    const frag = h("div", { class: "view view-" + r.view });
    await view(frag, r);
    if (seq !== renderSeq) return; // a newer navigation won
    clear(root);
    root.appendChild(frag);
    document.dispatchEvent(new CustomEvent("dateline:rendered", { detail: r.view }));
  } catch (err) {
    if (seq !== renderSeq) return;
    clear(root);
    root.appendChild(errorBox(err));
  }
}

function start(): void {
  const form = document.getElementById("qform") as HTMLFormElement;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = (document.getElementById("q") as HTMLInputElement).value.trim();
    const r = parseHash(location.hash);
    const view = queryViews.has(r.view) ? r.view : "search";
    const keep: Record<string, string> = {};
    for (const k of ["interval", "layer"]) {
      const v = r.params.get(k);
      if (v && view === r.view) keep[k] = v;
    }
    location.hash = link(view, { ...keep, q });
  });
  window.addEventListener("hashchange", render);
  if (!location.hash) history.replaceState(null, "", link("search"));
  render();
}

start();
