import uPlot from "uplot";
import { api, ClaimGroup, ClaimPoint } from "../api";
import { h, fmtNum } from "../dom";
import { Route, link, addTerm, filter } from "../route";
import { empty } from "./common";
import { chartWidth } from "./timeline";

const PALETTE = ["#1f3a5f", "#c4302b", "#228b54", "#e08a1e", "#5b4a9e", "#2f7ab9", "#8c564b", "#d6609f"];
const day = (s: string) => Date.parse(s + "T00:00:00Z") / 1000;

function figure(p: ClaimPoint): string {
  const q: Record<string, string> = { exact: "", over: "over ", at_least: "at least ", under: "under ", at_most: "at most ",
    about: "about ", up_to: "up to ", range: "" };
  if (p.qualifier === "range" && p.low !== undefined && p.high !== undefined) return `${fmtNum(p.low)}–${fmtNum(p.high)}`;
  return (q[p.qualifier] ?? p.qualifier + " ") + fmtNum(p.value);
}

export async function claimsView(root: HTMLElement, r: Route): Promise<void> {
  const q = r.params.get("q") || "";
  const res = await api<{ read: number; truncated: boolean; groups: ClaimGroup[] }>("claims/compare", { q });
  root.appendChild(h("h1", null, "Claims over time"));
  root.appendChild(h("p", { class: "hint" },
    `${res.read.toLocaleString("en-US")} claims${res.truncated ? " (the newest; narrow the query to see older ones)" : ""}, grouped by what they count. `,
    "⚠ marks figures for the same day, from different claimants, that cannot both be true."));
  if (res.groups.length === 0) {
    root.appendChild(empty("No numeric claim matches this query."));
    return;
  }
  const charts: (() => void)[] = [];
  for (const g of res.groups.slice(0, 12)) {
    const title = `${g.counted}${g.of ? " — " + g.of : ""}`;
    const card = h("section", { class: "card claim-group" + (g.conflicts.length ? " has-conflict" : "") },
      h("h2", null, title, h("span", { class: "count" }, `${g.claims} claims`),
        g.conflicts.length ? h("span", { class: "badge conflict" }, `⚠ ${g.conflicts.length} conflicting`) : null,
        h("a", { class: "more", href: link("claims", { q: addTerm(q, filter("counted", g.counted)) }) }, "only these")));
    const dated = g.series.filter((s) => s.points.some((p) => p.day));
    const days = Array.from(new Set(dated.flatMap((s) => s.points.map((p) => p.day)).filter(Boolean))).sort();
    if (days.length > 0) {
      const chartEl = h("div", { class: "chart" });
      card.appendChild(chartEl);
      charts.push(() => {
        const xs = days.map(day);
        const series = dated.slice(0, PALETTE.length);
        const data = [xs, ...series.map((s) => days.map((d) => {
          const at = s.points.filter((p) => p.day === d);
          return at.length ? Math.max(...at.map((p) => p.value)) : null;
        }))] as uPlot.AlignedData;
        new uPlot({
          width: chartWidth(chartEl), height: 200, tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC"),
          series: [{}, ...series.map((s, i) => ({ label: s.claimant, stroke: PALETTE[i], width: 1.5, spanGaps: true,
            points: { show: true, size: 8, fill: PALETTE[i] } }))],
          axes: [{}, { label: g.counted }],
        }, data, chartEl);
      });
    }
    if (g.conflicts.length) {
      card.appendChild(h("div", { class: "conflicts" }, h("h3", null, "Conflicting figures"),
        h("ul", null, g.conflicts.slice(0, 20).map((c) => h("li", null,
          h("span", { class: "nowrap" }, c.day), ": ",
          h("a", { href: link("article", { rec: "claim:" + c.a.claim_id }, c.a.article_id) }, `${c.a.claimant} says ${figure(c.a)}`),
          " vs ",
          h("a", { href: link("article", { rec: "claim:" + c.b.claim_id }, c.b.article_id) }, `${c.b.claimant} says ${figure(c.b)}`))))));
    }
    // Conflicting figures first, then newest first.
    const pts = g.series.flatMap((s) => s.points).sort((a, b) =>
      a.conflict !== b.conflict ? (a.conflict ? -1 : 1) : a.day < b.day ? 1 : a.day > b.day ? -1 : 0);
    card.appendChild(h("table", { class: "grid" },
      h("thead", null, h("tr", null, ["Day", "Claimant", "Figure", "Outlet", "Evidence"].map((t) => h("th", null, t)))),
      h("tbody", null, pts.slice(0, 40).map((p) => h("tr", { class: p.conflict ? "conflict" : "" },
        h("td", { class: "nowrap" }, p.day || "undated"),
        h("td", null, p.claimant),
        h("td", { class: "num" }, p.conflict ? "⚠ " : "", figure(p)),
        h("td", null, p.source || ""),
        h("td", null, h("a", { href: link("article", { rec: "claim:" + p.claim_id }, p.article_id) }, p.text || "open")))))));
    root.appendChild(card);
  }
  requestAnimationFrame(() => charts.forEach((f) => f()));
}
