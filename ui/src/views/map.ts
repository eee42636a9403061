import { geoNaturalEarth1, geoPath, geoGraticule10 } from "d3-geo";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { api } from "../api";
import { h, s } from "../dom";
import { Route, link, addTerm, filter } from "../route";
import { empty, goldsteinColor } from "./common";

interface Feature { geometry: { coordinates: [number, number] }; properties: { name: string; country?: string; count: number; goldstein?: number; conflict?: number; layer: string } }

// The basemap is drawn once from the embedded Natural Earth 1:110m
// countries (world-atlas): no tiles, no network.
const countries = feature(world as any, (world as any).objects.countries) as any;

export async function mapView(root: HTMLElement, r: Route): Promise<void> {
  const q = r.params.get("q") || "";
  const layer = r.params.get("layer") || "events";
  const fc = await api<{ features: Feature[] }>("map", { q, layer });
  root.appendChild(h("h1", null, "Map"));
  root.appendChild(h("div", { class: "controls" },
    h("a", { class: "btn" + (layer === "events" ? " on" : ""), href: link("map", { q, layer: "events" }) }, "Where events happened"),
    h("a", { class: "btn" + (layer === "places" ? " on" : ""), href: link("map", { q, layer: "places" }) }, "Places mentioned"),
    h("span", { class: "hint" }, layer === "events" ? "Circle area: events; colour: mean Goldstein. Click a place to list its events." : "Circle area: articles mentioning the place. Click to search them.")));
  const W = 960, H = 500;
  const proj = geoNaturalEarth1().fitExtent([[8, 8], [W - 8, H - 8]], { type: "Sphere" } as any);
  const path = geoPath(proj);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "worldmap", role: "img", "aria-label": "World map" });
  svg.appendChild(s("path", { d: path({ type: "Sphere" } as any) || "", class: "sphere" }));
  svg.appendChild(s("path", { d: path(geoGraticule10()) || "", class: "graticule" }));
  const land = s("g", { class: "land" });
  for (const f of countries.features) {
    land.appendChild(s("path", { d: path(f) || "" }, s("title", {}, f.properties?.name || "")));
  }
  svg.appendChild(land);
  const feats = fc.features;
  const maxC = Math.max(1, ...feats.map((f) => f.properties.count));
  const dots = s("g", { class: "dots" });
  // Largest first so small circles stay clickable on top.
  for (const f of [...feats].sort((a, b) => b.properties.count - a.properties.count)) {
    const xy = proj(f.geometry.coordinates);
    if (!xy) continue;
    const p = f.properties;
    const rad = 3 + 22 * Math.sqrt(p.count / maxC);
    const target = layer === "events"
      ? link("events", { q: addTerm(q, filter("place", p.name)) })
      : link("search", { q: addTerm(q, filter("place", p.name)) });
    dots.appendChild(s("a", { href: target },
      s("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: rad.toFixed(1), fill: goldsteinColor(p.goldstein), class: "dot" },
        s("title", {}, `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${p.count} ${layer === "events" ? "events" : "articles"}${p.goldstein !== undefined ? ", mean Goldstein " + p.goldstein.toFixed(1) : ""}`))));
  }
  svg.appendChild(dots);
  root.appendChild(h("section", { class: "card map-card" }, svg));
  if (feats.length === 0) {
    root.appendChild(empty(layer === "events" ? "No matching event has a place with coordinates. Try \"Places mentioned\"." : "No matching article mentions a place with coordinates."));
    return;
  }
  const table = h("table", { class: "grid" },
    h("thead", null, h("tr", null, h("th", null, "Place"), h("th", null, "Country"), h("th", { class: "num" }, layer === "events" ? "Events" : "Articles"),
      layer === "events" ? h("th", { class: "num" }, "Mean Goldstein") : null)),
    h("tbody", null, feats.slice(0, 50).map((f) => h("tr", null,
      h("td", null, h("a", { href: layer === "events" ? link("events", { q: addTerm(q, filter("place", f.properties.name)) }) : link("search", { q: addTerm(q, filter("place", f.properties.name)) }) }, f.properties.name)),
      h("td", null, f.properties.country || ""),
      h("td", { class: "num" }, String(f.properties.count)),
      layer === "events" ? h("td", { class: "num" }, f.properties.goldstein !== undefined ? f.properties.goldstein.toFixed(1) : "") : null))));
  root.appendChild(h("section", { class: "card" }, h("h2", null, "Top places"), table));
}
