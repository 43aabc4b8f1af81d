// One event: its fields, every report of it, and its article with the evidence highlighted.
// Article text is untrusted: it enters the page only as text nodes (el() appends strings as text).
import { api, el, party, showError } from "./util.js";

const KINDS = ["trigger", "actor", "recipient", "place", "time", "quantity", "source"];
let hooks = {};

export function initDetail(options) {
  hooks = options;
  document.getElementById("detail-close").addEventListener("click", () => hooks.onClose());
}

function spansOf(rec) {
  const s = [];
  const add = (cls, a, b, label) => { if (Number.isInteger(a) && Number.isInteger(b) && b > a) s.push({ cls, a, b, label }); };
  const t = rec.evidence.trigger;
  add("hl-trigger", t.start, t.end, "trigger");
  for (const [k, cls] of [["actor", "hl-actor"], ["recipient", "hl-recipient"], ["location", "hl-place"], ["reported_by", "hl-source"]])
    if (rec[k]) add(cls, rec[k].start, rec[k].end, k.replace("_", " "));
  if (rec.when) add("hl-time", rec.when.start_char, rec.when.end_char, "when");
  for (const q of rec.quantities || []) add("hl-quantity", q.start, q.end, q.kind);
  s.sort((x, y) => x.a - y.a || (x.cls === "hl-trigger" ? -1 : 1));
  const kept = [];
  for (const x of s) if (!kept.length || x.a >= kept[kept.length - 1].b) kept.push(x);
  return kept;
}

function highlighted(text, rec) {
  const box = el("div", { class: "article-text" });
  let at = 0;
  for (const sp of spansOf(rec)) {
    box.append(text.slice(at, sp.a), el("mark", { class: sp.cls, title: sp.label }, text.slice(sp.a, sp.b)));
    at = sp.b;
  }
  box.append(text.slice(at));
  box.dataset.evidence = `${rec.evidence.start}-${rec.evidence.end}`;
  return box;
}

function fields(e) {
  const loc = e.location || {}, when = e.when || {};
  return [
    ["Type", `${e.type}${e.mode ? " / " + e.mode : ""}`],
    ["ACLED", e.acled ? `${e.acled.event_type} / ${e.acled.sub_event_type}` : "—"],
    ["Actor", party(e.actor) + (e.actor && e.actor.why ? ` — ${e.actor.why}` : "")],
    ["Target", party(e.recipient)],
    ["Where", loc.name ? `${[loc.name, loc.admin2, loc.admin1, loc.country].filter(Boolean).join(", ")} (${loc.precision})${loc.why ? " — " + loc.why : ""}` : "unknown"],
    ["When", when.start ? `${when.start}${when.end && when.end !== when.start ? " to " + when.end : ""} (${when.precision || "?"}${when.source === "published" ? ", publication date" : ""})` : "unknown"],
    ["Fatalities", e.fatalities === null || e.fatalities === undefined ? "none reported" : `${e.fatalities} (the lowest report)`],
    ["How many", (e.claims || []).map((c) => `${c.kind} ${c.value}${c.source ? " (" + c.source + ")" : ""}`).join("; ") || "—"],
    ["Says who", e.reported_by ? party(e.reported_by) : "the writer"],
    ["Certainty", e.certainty],
    ["Reports", `${e.n_mentions} from ${e.n_sources} sources, first ${e.first_reported || "?"}`],
  ];
}

/** Show an event in the side panel (the overview tables give way to it). */
export async function showDetail(id) {
  let e;
  try { e = await api("/api/events/" + encodeURIComponent(id)); } catch (err) { return showError(err); }
  const body = document.getElementById("detail-body");
  const first = e.mentions[0];
  body.replaceChildren(el("h2", {}, `${e.type} event`, e.location && e.location.name ? ` in ${e.location.name}` : ""),
    el("p", { class: "event-id" }, "id ", el("code", {}, e.id)),
    el("dl", {}, fields(e).map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
    el("h3", {}, "Reports"),
    el("ul", { class: "reports" }, e.mentions.map((m) => el("li", {},
      el("b", {}, m.article.source || m.article.title || m.article.id), ` (${m.article.published || "undated"}): `,
      el("q", {}, m.evidence.sentence), m.score !== null ? el("small", {}, ` — merged: ${m.why}`) : ""))));
  document.getElementById("side").classList.add("showing-detail");
  if (first) {
    try {
      const art = await api("/api/articles/" + encodeURIComponent(first.article.key));
      const rec = art.events.find((x) => x.id === first.id) || art.events[0];
      body.append(el("h3", {}, art.article.title || "Article"),
        el("p", { class: "keys" }, "Highlighted: ", KINDS.map((k) => el("mark", { class: "hl-" + k }, k))),
        highlighted(art.text, rec));
    } catch (err) { showError(err); }
  }
  document.getElementById("detail").dataset.id = e.id;  // shown, with its article
  document.getElementById("detail").focus({ preventScroll: true });
}

export function hideDetail() {
  document.getElementById("side").classList.remove("showing-detail");
  document.getElementById("detail").dataset.id = "";
}
