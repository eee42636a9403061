import cytoscape from "cytoscape";
import { api, NetworkNode, ActorLink } from "../api";
import { h, clear, fmtNum } from "../dom";
import { Route, link, addTerm, actorFilter } from "../route";
import { empty, goldsteinColor } from "./common";

const CY_STYLESHEET = "__________cytoscape_stylesheet";

export async function networkView(root: HTMLElement, r: Route): Promise<void> {
  const q = r.params.get("q") || "";
  const limit = Number(r.params.get("limit") || 80);
  const res = await api<{ nodes: NetworkNode[]; links: ActorLink[] }>("network", { q, limit });
  root.appendChild(h("h1", null, "Actor network"));
  root.appendChild(h("div", { class: "controls" },
    h("span", { class: "hint" }, `The ${res.links.length} most frequent actor pairs. Arrow: who acts on whom; width: events; colour: mean Goldstein (red conflict, green cooperation).`),
    ["40", "80", "200"].map((n) => h("a", { class: "btn" + (String(limit) === n ? " on" : ""), href: link("network", { q, limit: n }) }, `top ${n}`))));
  if (res.links.length === 0) {
    root.appendChild(empty("No event with both a source and a target actor matches this query."));
    return;
  }
  const graph = h("div", { class: "graph", id: "graph" });
  const side = h("aside", { class: "record-panel" }, h("p", { class: "hint" }, "Click an actor or a link."));
  root.appendChild(h("div", { class: "article-body" }, graph, side));
  const maxEv = Math.max(...res.links.map((l) => l.events));
  const maxNode = Math.max(...res.nodes.map((n) => n.events));

  function showNode(n: NetworkNode): void {
    clear(side);
    side.appendChild(h("div", { class: "record" },
      h("h2", null, n.name), h("code", null, n.id),
      h("table", { class: "kv" },
        h("tr", null, h("th", null, "Events as source"), h("td", null, String(n.out))),
        h("tr", null, h("th", null, "Events as target"), h("td", null, String(n.in)))),
      h("div", { class: "links" },
        h("a", { href: link("events", { q: addTerm(q, actorFilter(n.id)) }) }, "Its events"),
        h("a", { href: link("network", { q: actorFilter(n.id) }) }, "Its own network"),
        h("a", { href: link("timeline", { q: addTerm(q, actorFilter(n.id)) }) }, "Its timeline"))));
  }
  function showLink(l: ActorLink): void {
    clear(side);
    side.appendChild(h("div", { class: "record" },
      h("h2", null, `${l.source_name} → ${l.target_name}`),
      h("table", { class: "kv" },
        h("tr", null, h("th", null, "Events"), h("td", null, String(l.events))),
        h("tr", null, h("th", null, "Mean Goldstein"), h("td", null, fmtNum(l.goldstein))),
        h("tr", null, h("th", null, "Conflict events"), h("td", null, String(l.conflict)))),
      h("div", { class: "links" },
        h("a", { href: link("events", { q: addTerm(addTerm(q, actorFilter(l.source)), actorFilter(l.target)) }) }, "Events between them"))));
  }

  requestAnimationFrame(() => {
    // Cytoscape injects a <style> element unless one with this id exists;
    // the CSP (style-src 'self') would block it, so its single rule lives
    // in style.css and a placeholder tells Cytoscape it is there.
    if (!document.getElementById(CY_STYLESHEET)) document.head.appendChild(h("meta", { id: CY_STYLESHEET, name: "cytoscape-style", content: "in app.css" }));
    const cy = cytoscape({
      container: graph,
      elements: [
        ...res.nodes.map((n) => ({ data: { id: "n:" + n.id, label: n.name === n.id ? n.id : `${n.name}\n${n.id}`, size: 10 + 26 * Math.sqrt(n.events / maxNode), node: n } })),
        ...res.links.map((l, i) => ({ data: { id: "e" + i, source: "n:" + l.source, target: "n:" + l.target, width: 1 + 7 * Math.sqrt(l.events / maxEv), color: goldsteinColor(l.goldstein), link: l } })),
      ],
      style: [
        { selector: "node", style: { "background-color": "#1f3a5f", label: "data(label)", width: "data(size)", height: "data(size)", "font-size": 10, color: "#1d2533", "text-wrap": "wrap", "text-valign": "bottom", "text-margin-y": 4, "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": "1px" } },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(color)", "target-arrow-color": "data(color)", "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.85 } },
        { selector: ":selected", style: { "border-width": 3, "border-color": "#e08a1e", "line-color": "#e08a1e", "target-arrow-color": "#e08a1e" } },
      ],
      // Event networks are dense: a circle (busiest actors first) stays
      // readable up to a few dozen actors; beyond that a force layout.
      layout: (res.nodes.length <= 40
        ? { name: "circle", padding: 50, avoidOverlap: true, sort: (a: any, b: any) => b.data("node").events - a.data("node").events }
        : { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 180, padding: 40 }) as any,
      // Small graphs would otherwise be zoomed until labels are huge.
      maxZoom: 1.6, minZoom: 0.2,
      wheelSensitivity: 0.3,
    });
    if (cy.zoom() > 1.1) { cy.zoom(1.1); cy.center(); }
    cy.on("tap", "node", (e) => showNode(e.target.data("node")));
    cy.on("tap", "edge", (e) => showLink(e.target.data("link")));
  });
}
