import { api, StoredArticle, Evidence, Quote, Claim, Event as EventRec, Entity, Place, Time } from "../api";
import { h, clear, safeURL, fmtNum } from "../dom";
import { Route, link, filter, actorFilter } from "../route";
import { articleMeta, quadLabel } from "./common";

// Record types in the order they are listed, with their legend labels.
const TYPES = [
  ["quote", "Quotes"], ["claim", "Claims"], ["event", "Events"],
  ["entity", "Entities"], ["place", "Places"], ["time", "Times"],
] as const;
type RecType = typeof TYPES[number][0];

interface Rec {
  type: RecType;
  id: string;
  ev: Evidence; // the span highlighted in the text
  label: string;
  data: Quote | Claim | EventRec | Entity | Place | Time;
  mention?: number; // for entities: which mention
}

/** byteToIndex maps UTF-8 byte offsets (what records carry) to indexes in
 * the JavaScript (UTF-16) string. An offset inside a character maps to the
 * character's start. */
function byteToIndex(text: string): (b: number) => number {
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < len; k++) map.push(i);
    if (cp >= 0x10000) i++; // a surrogate pair is one code point
  }
  map.push(text.length);
  return (b) => map[Math.max(0, Math.min(b, map.length - 1))];
}

function collect(a: StoredArticle): Rec[] {
  const r = a.records;
  const out: Rec[] = [];
  for (const q of r.quotes || []) out.push({ type: "quote", id: q.id, ev: q.content, label: q.speaker_name || "unattributed", data: q });
  for (const c of r.claims || []) out.push({ type: "claim", id: c.id, ev: c.evidence, label: `${fmtNum(c.value)} ${c.counted}`, data: c });
  for (const e of r.events || []) out.push({ type: "event", id: e.id, ev: e.action, label: `${e.plover || e.cameo}`, data: e });
  for (const e of r.entities || []) {
    (e.mentions || []).forEach((m, i) => out.push({ type: "entity", id: e.id, ev: m.evidence, label: e.name, data: e, mention: i }));
  }
  for (const p of r.places || []) out.push({ type: "place", id: p.id, ev: p.evidence, label: p.name, data: p });
  for (const t of r.times || []) out.push({ type: "time", id: t.id, ev: t.evidence, label: t.text, data: t });
  return out;
}

export async function articleView(root: HTMLElement, r: Route): Promise<void> {
  const a = await api<StoredArticle>("articles/" + encodeURIComponent(r.arg));
  const text = a.article.text;
  const toIdx = byteToIndex(text);
  const recs = collect(a);
  const enabled = new Set<RecType>(["quote", "claim", "event", "place"]);
  const selected = r.params.get("rec") || ""; // "type:id"
  if (selected) enabled.add(selected.split(":")[0] as RecType);

  const textEl = h("div", { class: "article-text", lang: a.info.lang || "en" });
  const panel = h("aside", { class: "record-panel", "aria-label": "Record" });
  const segOf = new WeakMap<Element, Rec[]>();

  const slice = (ev: Evidence) => text.slice(toIdx(ev.start), toIdx(ev.end));

  function paint(): void {
    clear(textEl);
    const spans = recs.filter((x) => enabled.has(x.type) && x.ev.end > x.ev.start)
      .map((x) => ({ rec: x, from: toIdx(x.ev.start), to: toIdx(x.ev.end) }))
      .filter((s) => s.to > s.from);
    const cuts = new Set<number>([0, text.length]);
    for (const sp of spans) { cuts.add(sp.from); cuts.add(sp.to); }
    const bounds = Array.from(cuts).sort((x, y) => x - y);
    for (let i = 0; i + 1 < bounds.length; i++) {
      const from = bounds[i], to = bounds[i + 1];
      const piece = text.slice(from, to);
      const covering = spans.filter((sp) => sp.from <= from && sp.to >= to)
        .sort((x, y) => (x.to - x.from) - (y.to - y.from)).map((sp) => sp.rec);
      if (covering.length === 0) {
        textEl.appendChild(document.createTextNode(piece));
        continue;
      }
      const types = Array.from(new Set(covering.map((c) => c.type)));
      const seg = h("span", {
        class: "hl " + types.map((t) => "hl-" + t).join(" "),
        "data-rec": covering.map((c) => c.type + ":" + c.id).join(" "),
        title: covering.map((c) => `${c.type}: ${c.label}`).join("\n"),
        tabindex: 0, role: "button",
      }, piece);
      segOf.set(seg, covering);
      textEl.appendChild(seg);
    }
    mark();
  }

  function mark(): void {
    const sel = currentSel();
    for (const el of Array.from(textEl.querySelectorAll(".hl"))) {
      const keys = (el.getAttribute("data-rec") || "").split(" ");
      el.classList.toggle("sel", !!sel && keys.includes(sel));
    }
  }

  let sel = selected;
  const currentSel = () => sel;

  function select(rec: Rec, scroll: boolean): void {
    sel = rec.type + ":" + rec.id;
    // Keep the selection in the URL (shareable) without re-rendering.
    const p = new URLSearchParams(r.params);
    p.set("rec", sel);
    history.replaceState(null, "", "#/article/" + encodeURIComponent(r.arg) + "?" + p.toString());
    mark();
    showRecord(rec);
    if (scroll) {
      const first = textEl.querySelector(".hl.sel");
      if (first) first.scrollIntoView({ block: "center" });
    }
  }

  function onPick(e: globalThis.Event): void {
    const t = (e.target as Element).closest(".hl");
    if (!t) return;
    if (e instanceof KeyboardEvent && e.key !== "Enter" && e.key !== " ") return;
    e.preventDefault();
    const covering = segOf.get(t);
    if (!covering || covering.length === 0) return;
    // Clicking again on a selected span cycles through the records it holds.
    const keys = covering.map((c) => c.type + ":" + c.id);
    const at = keys.indexOf(sel);
    select(covering[(at + 1) % covering.length], false);
  }
  textEl.addEventListener("click", onPick as EventListener);
  textEl.addEventListener("keydown", onPick as EventListener);

  function row(k: string, v: unknown): HTMLElement | null {
    if (v === undefined || v === null || v === "") return null;
    return h("tr", null, h("th", null, k), h("td", null, v instanceof Node ? v : String(v)));
  }

  function evidenceBlock(title: string, ev?: Evidence): HTMLElement | null {
    if (!ev || ev.end <= ev.start) return null;
    return h("div", { class: "evidence" },
      h("div", { class: "ev-head" }, title, h("span", { class: "ev-pos" }, `bytes ${ev.start}–${ev.end} · sentence ${ev.sentence + 1}${ev.rule ? " · rule " + ev.rule : ""}`)),
      h("blockquote", null, slice(ev)));
  }

  function showRecord(rec: Rec): void {
    clear(panel);
    const d = rec.data as any;
    const rows: (HTMLElement | null)[] = [];
    const links: HTMLElement[] = [];
    let evs: (HTMLElement | null)[] = [];
    switch (rec.type) {
      case "quote": {
        const q = d as Quote;
        rows.push(row("Speaker", q.speaker_name || "not attributed"), row("Kind", q.kind));
        evs = [evidenceBlock("Content", q.content), evidenceBlock("Speaker mention", q.speaker), evidenceBlock("Cue", q.cue), evidenceBlock("Via", q.via)];
        if (q.speaker_name) links.push(h("a", { href: link("quotes", { speaker: q.speaker_name }) }, `All quotes of ${q.speaker_name}`));
        break;
      }
      case "claim": {
        const c = d as Claim;
        const fig = c.low !== undefined && c.high !== undefined && c.qualifier === "range" ? `${fmtNum(c.low)}–${fmtNum(c.high)}` : fmtNum(c.value);
        rows.push(row("Figure", `${c.qualifier.replace("_", " ")} ${fig}`), row("Counted", c.counted), row("Unit", c.unit), row("Of", c.of),
          row("As of", c.as_of), row("Claimed by", c.claimed_by), row("Part of", c.part_of), row("Consistency", c.consistency));
        evs = [evidenceBlock("Evidence", c.evidence)];
        links.push(h("a", { href: link("claims", { q: filter("counted", c.counted) }) }, `Compare all "${c.counted}" figures`));
        break;
      }
      case "event": {
        const e = d as EventRec;
        const actor = (x?: { name: string; code: string }) => (x ? `${x.name}${x.code ? " (" + x.code + ")" : ""}` : "—");
        const place = (a.records.places || []).find((p) => p.id === e.place);
        rows.push(row("Source", actor(e.source)), row("Action", `CAMEO ${e.cameo} · ${e.plover}`), row("Target", actor(e.target)),
          row("Goldstein", fmtNum(e.goldstein)), row("QuadClass", `${e.quad_class} · ${quadLabel(e.quad_class)}`),
          row("Place", place ? place.name : ""), row("Date", e.date), row("Polarity", e.polarity), row("Modality", e.modality),
          row("Reported by", e.reported_by));
        evs = [evidenceBlock("Action", e.action), evidenceBlock("Source actor", e.source?.evidence), evidenceBlock("Target actor", e.target?.evidence)];
        if (e.source?.code) links.push(h("a", { href: link("network", { q: actorFilter(e.source.code) }) }, `Network of ${e.source.code}`));
        break;
      }
      case "entity": {
        const e = d as Entity;
        rows.push(row("Name", e.name), row("Kind", e.kind), row("Code", e.code), row("Role", e.role), row("Knowledge base", e.kb_id),
          row("Mentions", (e.mentions || []).length));
        evs = [evidenceBlock(`Mention ${(rec.mention || 0) + 1}`, rec.ev)];
        links.push(h("a", { href: link("search", { q: e.code ? actorFilter(e.code) : filter("actor", e.name) }) }, "Articles with this actor"));
        break;
      }
      case "place": {
        const p = d as Place;
        rows.push(row("Name", p.name), row("As written", p.mention), row("Country", p.country), row("Type", p.feature_type),
          row("Role", p.role), row("Coordinates", p.lat || p.lon ? `${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}` : ""));
        evs = [evidenceBlock("Evidence", p.evidence)];
        links.push(h("a", { href: link("map", { q: filter("place", p.name), layer: "places" }) }, "On the map"));
        break;
      }
      case "time": {
        const t = d as Time;
        rows.push(row("Text", t.text), row("From", t.from), row("To", t.to), row("Precision", t.precision), row("Relative", t.relative ? "yes" : "no"));
        evs = [evidenceBlock("Evidence", t.evidence)];
        break;
      }
    }
    panel.appendChild(h("div", { class: "record", "data-type": rec.type, "data-id": rec.id },
      h("h2", null, h("span", { class: "swatch sw-" + rec.type }), rec.type[0].toUpperCase() + rec.type.slice(1), h("code", { class: "rid" }, rec.id)),
      h("table", { class: "kv" }, rows),
      evs,
      links.length ? h("div", { class: "links" }, links) : null));
    panel.appendChild(h("button", { class: "btn", type: "button", onclick: () => { sel = ""; mark(); listAll(); } }, "All records"));
  }

  function listAll(): void {
    clear(panel);
    panel.appendChild(h("h2", null, "Records"));
    panel.appendChild(h("p", { class: "hint" }, "Click a highlighted span, or a record below, to see it with its evidence."));
    for (const [t, title] of TYPES) {
      const of = recs.filter((x) => x.type === t && (t !== "entity" || x.mention === 0));
      if (of.length === 0) continue;
      panel.appendChild(h("h3", null, h("span", { class: "swatch sw-" + t }), `${title} (${of.length})`));
      panel.appendChild(h("ul", { class: "rec-list" }, of.map((x) => h("li", null,
        h("a", { href: "#", onclick: (e: globalThis.Event) => { e.preventDefault(); if (!enabled.has(x.type)) { enabled.add(x.type); syncLegend(); paint(); } select(x, true); } },
          x.label), h("span", { class: "rec-snip" }, " " + clip(slice(x.ev), 70))))));
    }
  }

  const legend = h("div", { class: "legend", role: "group", "aria-label": "Highlight" });
  const boxes = new Map<RecType, HTMLInputElement>();
  for (const [t, title] of TYPES) {
    const n = recs.filter((x) => x.type === t).length;
    const cb = h("input", { type: "checkbox", "data-type": t });
    cb.checked = enabled.has(t);
    cb.addEventListener("change", () => { cb.checked ? enabled.add(t) : enabled.delete(t); paint(); });
    boxes.set(t, cb);
    legend.appendChild(h("label", { class: "lg lg-" + t }, cb, h("span", { class: "swatch sw-" + t }), `${title} ${n}`));
  }
  const syncLegend = () => boxes.forEach((cb, t) => (cb.checked = enabled.has(t)));

  const url = safeURL(a.article.url);
  root.appendChild(h("div", { class: "article-head" },
    h("h1", null, a.article.title || "(untitled)"),
    articleMeta(a.info),
    h("div", { class: "meta" },
      a.article.dateline ? h("span", null, "Dateline: " + a.article.dateline) : null,
      url ? h("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original") : null,
      h("span", { class: "mono" }, a.info.id),
      h("a", { href: "/api/v1/articles/" + encodeURIComponent(a.info.id) }, "JSON"))));
  root.appendChild(legend);
  root.appendChild(h("div", { class: "article-body" }, textEl, panel));
  paint();
  const pre = recs.find((x) => x.type + ":" + x.id === selected);
  if (pre) {
    showRecord(pre);
    requestAnimationFrame(() => textEl.querySelector(".hl.sel")?.scrollIntoView({ block: "center" }));
  } else {
    listAll();
  }
}

function clip(s: string, n: number): string {
  s = s.replace(/\s+/g, " ");
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}
