import { api, Facets, Listing, ArticleInfo } from "../api";
import { h } from "../dom";
import { Route, link, addTerm, filter } from "../route";
import { articleMeta, pager, empty } from "./common";

const facetTitles: Record<string, string> = {
  source: "Source", lang: "Language", from: "Month", actor: "Actor code", plover: "Event type (PLOVER)",
  counted: "Claims about", speaker: "Speaker", place: "Place",
};

/** facetTerm is the query term narrowing to a facet value. */
function facetTerm(field: string, value: string): string {
  if (field === "from") {
    // A month: from its first to its last day.
    return `from:${value} to:${value}`;
  }
  return filter(field, value);
}

export async function searchView(root: HTMLElement, r: Route): Promise<void> {
  const q = r.params.get("q") || "";
  const offset = Number(r.params.get("offset") || 0);
  const limit = 20;
  const [list, facets] = await Promise.all([
    api<Listing>("search", { q, limit, offset }),
    api<Facets>("facets", { q }),
  ]);
  const aside = h("aside", { class: "facets", "aria-label": "Facets" },
    h("h2", null, "Narrow"),
    facets.sampled === 0 ? null : h("p", { class: "hint" }, `over the ${facets.sampled.toLocaleString("en-US")} newest matches`));
  for (const [field, title] of Object.entries(facetTitles)) {
    const vals = facets.fields[field] || [];
    if (vals.length === 0) continue;
    aside.appendChild(h("section", { class: "facet" },
      h("h3", null, title),
      h("ul", null, vals.map((v) => h("li", null,
        h("a", { href: link("search", { q: addTerm(q, facetTerm(field, v.value)) }), title: facetTerm(field, v.value) }, v.value),
        h("span", { class: "count" }, v.count.toLocaleString("en-US")))))));
  }
  const results = h("section", { class: "results", "aria-label": "Results" },
    pager(list.total, list.total_exact, limit, offset, (o) => link("search", { q, offset: o })));
  if (list.results.length === 0) {
    results.appendChild(empty(q ? "No article matches this query." : "The database holds no articles yet. Ingest some with `dateline ingest`."));
  }
  for (const row of list.results) {
    const a = row.article;
    results.appendChild(h("article", { class: "hit" },
      h("h3", null, h("a", { href: link("article", {}, a.id), class: "hit-title" }, a.title || "(untitled) " + a.id)),
      articleMeta(a),
      row.snippet ? h("p", { class: "snippet" }, row.snippet) : null));
  }
  root.appendChild(h("div", { class: "two-col" }, aside, results));
}

export async function storyView(root: HTMLElement, r: Route): Promise<void> {
  const res = await api<{ id: number; articles: ArticleInfo[] }>("stories/" + encodeURIComponent(r.arg));
  root.appendChild(h("h1", null, `Story ${res.id}: ${res.articles.length} near-identical articles`));
  const ul = h("ul", { class: "plain-list" });
  for (const a of res.articles) {
    ul.appendChild(h("li", null, h("a", { href: link("article", {}, a.id) }, a.title || a.id), articleMeta(a)));
  }
  root.appendChild(ul);
}
