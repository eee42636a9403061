import uPlot from "uplot";
import { api, TimeBucket } from "../api";
import { h } from "../dom";
import { Route, link, addTerm } from "../route";
import { empty, quadLabel } from "./common";

const QUAD_COLORS = ["#8a94a6", "#2f7ab9", "#228b54", "#e08a1e", "#c4302b"];

const day = (s: string) => Date.parse(s + "T00:00:00Z") / 1000;
const utc = (ts: number) => uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC");

/** bucketEnd is the last day of the bucket starting at start. */
function bucketEnd(start: string, interval: string): string {
  const d = new Date(start + "T00:00:00Z");
  if (interval === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (interval === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

export function chartWidth(el: HTMLElement): number {
  return Math.max(480, Math.min(1400, (el.parentElement?.clientWidth || document.body.clientWidth) - 40));
}

export async function timelineView(root: HTMLElement, r: Route): Promise<void> {
  const q = r.params.get("q") || "";
  const interval = r.params.get("interval") || "week";
  const res = await api<{ buckets: TimeBucket[] }>("timeline", { q, interval });
  const b = res.buckets;
  const controls = h("div", { class: "controls" }, "Per ",
    ["day", "week", "month"].map((iv) => h("a", { class: "btn" + (iv === interval ? " on" : ""), href: link("timeline", { q, interval: iv }) }, iv)),
    h("span", { class: "hint" }, "Click a bar to list its events. Negated events are not counted."));
  root.appendChild(h("h1", null, "Timeline"));
  root.appendChild(controls);
  if (b.length === 0) {
    root.appendChild(empty("Nothing dated matches this query."));
    return;
  }
  const xs = b.map((x) => day(x.start));
  const volume = h("div", { class: "chart", id: "chart-volume" });
  const quads = h("div", { class: "chart", id: "chart-quad" });
  const tone = h("div", { class: "chart", id: "chart-tone" });
  root.appendChild(h("section", { class: "card" }, h("h2", null, "Volume: articles and events"), volume));
  root.appendChild(h("section", { class: "card" }, h("h2", null, "Events by QuadClass"), quads));
  root.appendChild(h("section", { class: "card" }, h("h2", null, "Mean Goldstein score (−10 conflict … +10 cooperation)"), tone));

  const drill = (u: uPlot) => {
    const i = u.cursor.idx;
    if (i === null || i === undefined) return;
    const start = b[i].start;
    location.hash = link("events", { q: addTerm(q, `from:${start} to:${bucketEnd(start, interval)}`) });
  };
  const clickable = (u: uPlot) => u.over.addEventListener("click", () => drill(u));
  const bars = uPlot.paths.bars!({ size: [0.8, 40] });

  // Charts are drawn after the view is in the page, to know its width.
  requestAnimationFrame(() => {
    const w = chartWidth(volume);
    new uPlot({
      width: w, height: 220, tzDate: utc, cursor: { drag: { x: false, y: false } }, hooks: { ready: [clickable] },
      series: [{}, { label: "Articles", fill: "rgba(31,58,95,0.35)", stroke: "#1f3a5f", paths: bars },
        { label: "Events", stroke: "#c4302b", width: 2 }],
      axes: [{}, { label: "count" }],
    }, [xs, b.map((x) => x.articles), b.map((x) => x.events)], volume);
    new uPlot({
      width: w, height: 240, tzDate: utc, cursor: { drag: { x: false, y: false } }, hooks: { ready: [clickable] },
      series: [{}, ...[1, 2, 3, 4].map((k) => ({ label: quadLabel(k), stroke: QUAD_COLORS[k], width: 2, points: { show: b.length < 60 } }))],
      axes: [{}, { label: "events" }],
    }, [xs, ...[1, 2, 3, 4].map((k) => b.map((x) => x.quad[k]))], quads);
    new uPlot({
      width: w, height: 180, tzDate: utc, cursor: { drag: { x: false, y: false } }, hooks: { ready: [clickable] },
      scales: { y: { range: [-10, 10] } },
      series: [{}, { label: "Goldstein", stroke: "#5b4a9e", width: 2, spanGaps: false, points: { show: true } }],
      axes: [{}, { label: "mean" }],
    }, [xs, b.map((x) => x.goldstein)], tone);
  });
}
