import { api, Listing } from "../api";
import { h } from "../dom";
import { Route, link, addTerm, filter } from "../route";
import { articleMeta, pager, empty } from "./common";

export async function quotesView(root: HTMLElement, r: Route): Promise<void> {
  const q = r.params.get("q") || "";
  const speaker = r.params.get("speaker") || "";
  const offset = Number(r.params.get("offset") || 0);
  const limit = 25;
  const lq = speaker ? addTerm(q, filter("speaker", speaker)) : q;
  const [sp, list] = await Promise.all([
    api<{ results: { speaker: string; quotes: number; articles: number }[] }>("speakers", { q, limit: 60 }),
    api<Listing>("quotes", { q: lq, limit, offset }),
  ]);
  const aside = h("aside", { class: "facets", "aria-label": "Speakers" }, h("h2", null, "Speakers"),
    h("ul", null,
      h("li", null, h("a", { href: link("quotes", { q }), class: speaker ? "" : "on" }, "Everyone")),
      sp.results.map((s) => h("li", null,
        h("a", { href: link("quotes", { q, speaker: s.speaker }), class: s.speaker === speaker ? "on" : "" }, s.speaker),
        h("span", { class: "count" }, String(s.quotes))))));
  const main = h("section", { class: "results" },
    h("h1", null, speaker ? `Quotes of ${speaker}` : "Quotes"),
    pager(list.total, list.total_exact, limit, offset, (o) => link("quotes", { q, speaker, offset: o })));
  if (list.results.length === 0) main.appendChild(empty("No quote matches."));
  for (const row of list.results) {
    const qu = row.quote!;
    main.appendChild(h("article", { class: "quote-card" },
      h("blockquote", null, qu.content.text || ""),
      h("div", { class: "who" }, "— ", qu.speaker_name || "unattributed", h("span", { class: "tag" }, qu.kind),
        h("a", { href: link("article", { rec: "quote:" + qu.id }, row.article.id), class: "ev-link" }, "evidence in context")),
      h("div", { class: "from" }, h("a", { href: link("article", {}, row.article.id) }, row.article.title || row.article.id), articleMeta(row.article))));
  }
  root.appendChild(h("div", { class: "two-col" }, aside, main));
}
