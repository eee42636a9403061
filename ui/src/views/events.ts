import { api, Listing } from "../api";
import { h, fmtNum } from "../dom";
import { Route, link } from "../route";
import { pager, empty, goldsteinColor, quadLabel } from "./common";

export async function eventsView(root: HTMLElement, r: Route): Promise<void> {
  const q = r.params.get("q") || "";
  const offset = Number(r.params.get("offset") || 0);
  const limit = 50;
  const list = await api<Listing>("events", { q, limit, offset });
  root.appendChild(h("h1", null, "Events"));
  root.appendChild(pager(list.total, list.total_exact, limit, offset, (o) => link("events", { q, offset: o })));
  if (list.results.length === 0) {
    root.appendChild(empty("No event matches this query."));
    return;
  }
  const actor = (a?: { name: string; code: string }) => a ? h("span", null, a.name, a.code ? h("code", { class: "code" }, a.code) : null) : "—";
  root.appendChild(h("table", { class: "grid events" },
    h("thead", null, h("tr", null, ["Date", "Source", "Action", "Target", "Place", "Goldstein", "Mode", "Evidence"].map((t) => h("th", null, t)))),
    h("tbody", null, list.results.map((row) => {
      const e = row.event!;
      return h("tr", { class: e.polarity === "negated" ? "negated" : "" },
        h("td", { class: "nowrap" }, e.date || (row.article.published || "").slice(0, 10)),
        h("td", null, actor(e.source)),
        h("td", null, h("span", { class: "tag", title: quadLabel(e.quad_class) }, e.plover || "—"), h("code", { class: "code" }, e.cameo)),
        h("td", null, actor(e.target)),
        h("td", null, row.place_name || ""),
        h("td", { class: "num" }, h("span", { class: "gs" }, fmtNum(e.goldstein))),
        h("td", null, e.polarity === "negated" ? "not " + e.modality : e.modality),
        h("td", null, h("a", { href: link("article", { rec: "event:" + e.id }, row.article.id) }, e.action.text || "open")));
    }))));
  // Colour the Goldstein cells after creation (CSP forbids inline style
  // attributes from markup; setting the property from script is allowed).
  root.querySelectorAll<HTMLElement>(".gs").forEach((el) => (el.style.color = goldsteinColor(Number(el.textContent))));
}
