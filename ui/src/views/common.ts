import { h } from "../dom";
import { link } from "../route";
import { ArticleInfo } from "../api";

export function articleMeta(a: ArticleInfo): HTMLElement {
  const parts: (string | HTMLElement)[] = [];
  if (a.source) parts.push(h("span", { class: "src" }, a.source));
  if (a.published) parts.push(h("span", { class: "date" }, a.published.slice(0, 10)));
  if (a.lang && a.lang !== "en") parts.push(h("span", { class: "tag" }, a.lang));
  if (a.num_articles > 1) parts.push(h("a", { class: "tag", href: link("story", {}, String(a.story)) }, `story · ${a.num_articles} articles, ${a.num_sources} sources`));
  return h("div", { class: "meta" }, parts);
}

export function pager(total: number, exact: boolean, limit: number, offset: number, to: (offset: number) => string): HTMLElement {
  const end = Math.min(offset + limit, total);
  return h("div", { class: "pager" },
    h("span", null, total === 0 ? "No matches" : `${offset + 1}–${end} of ${exact ? "" : "at least "}${total.toLocaleString("en-US")}`),
    offset > 0 ? h("a", { href: to(Math.max(0, offset - limit)), class: "btn" }, "← Newer") : null,
    // An inexact total is a lower bound: there may be rows past it.
    end < total || (!exact && total > 0) ? h("a", { href: to(offset + limit), class: "btn" }, "Older →") : null);
}

export function empty(msg: string): HTMLElement {
  return h("div", { class: "empty" }, msg);
}

export function goldsteinColor(g: number | null | undefined): string {
  if (g === null || g === undefined) return "#8a94a6";
  // -10 (red) … 0 (grey) … +10 (green)
  const t = Math.max(-1, Math.min(1, g / 10));
  if (t < 0) return mix([138, 148, 166], [196, 48, 43], -t);
  return mix([138, 148, 166], [34, 139, 84], t);
}

function mix(a: number[], b: number[], t: number): string {
  const c = a.map((x, i) => Math.round(x + (b[i] - x) * t));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

export function quadLabel(q: number): string {
  return ["—", "Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"][q] || "—";
}
