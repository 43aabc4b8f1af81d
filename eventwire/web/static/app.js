// eventwire page: map, timeline, list and evidence view over the JSON API.
// Article text is untrusted: it only ever enters the page as text nodes (never innerHTML).
"use strict";

const TYPES = ["ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "SANCTION", "PROTEST", "ACCUSE", "REJECT",
  "REQUEST", "RETREAT", "AID", "COOPERATE", "CONCEDE", "SUPPORT", "CONSULT", "AGREE"];
const COLOURS = ["#d7263d", "#f46036", "#c2185b", "#8e24aa", "#5e35b1", "#2e86ab", "#ff9f1c", "#6d4c41",
  "#00897b", "#43a047", "#7cb342", "#1e88e5", "#3949ab", "#00acc1", "#546e7a", "#9e9d24"];
const colour = (t) => COLOURS[Math.max(0, TYPES.indexOf(t))];
const SVGNS = "http://www.w3.org/2000/svg";
const WORLD = [-180, -90, 360, 180];
const state = { view: WORLD.slice(), offset: 0, filters: {}, brush: null, selected: null };

function el(tag, attrs, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVGNS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "on") for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}

function query(extra) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...state.filters, ...(extra || {}) })) if (v) p.set(k, v);
  return p.toString();
}

async function api(path) {
  const r = await fetch(path);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error ? body.error.message : r.statusText);
  return body;
}

function showError(err) { document.getElementById("summary").textContent = "Error: " + err.message; }

// ---- base map: TopoJSON (world-atlas) decoded here, drawn in lon/lat (equirectangular) ----
function topoPaths(topo) {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, -(y * sy + ty)]; });
  });
  const ring = (ids) => ids.flatMap((i) => (i >= 0 ? arcs[i] : arcs[~i].slice().reverse()));
  const d = (r) => "M" + r.map((p) => p[0].toFixed(2) + " " + p[1].toFixed(2)).join("L") + "Z";
  const out = [];
  for (const g of topo.objects.countries.geometries) {
    const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    out.push({ name: (g.properties || {}).name || "", d: polys.map((p) => p.map((r) => d(ring(r))).join("")).join("") });
  }
  return out;
}

async function drawLand() {
  try {
    const r = await fetch("/static/vendor/countries-50m.json");
    if (!r.ok) return; // no base map installed: markers still work
    const land = document.getElementById("land");
    for (const c of topoPaths(await r.json())) land.append(el("svg:path", { d: c.d }, el("svg:title", {}, c.name)));
  } catch (e) { /* the map is decoration; events still show */ }
}

// ---- map view and markers ----
function setView(v) {
  const w = Math.min(360, Math.max(0.05, v[2])), h = w / 2;
  const cx = v[0] + v[2] / 2, cy = v[1] + v[3] / 2;
  state.view = [cx - w / 2, cy - h / 2, w, h];
  document.getElementById("map").setAttribute("viewBox", state.view.join(" "));
  scheduleMarkers();
}
function zoom(f, cx, cy) {
  const v = state.view;
  cx = cx ?? v[0] + v[2] / 2; cy = cy ?? v[1] + v[3] / 2;
  setView([cx - (cx - v[0]) / f, cy - (cy - v[1]) / f, v[2] / f, v[3] / f]);
}
let markerTimer = null;
function scheduleMarkers() { clearTimeout(markerTimer); markerTimer = setTimeout(drawMarkers, 120); }

async function drawMarkers() {
  const svg = document.getElementById("map"), v = state.view;
  const cell = +(v[2] / 36).toPrecision(2);
  const bbox = [v[0], -(v[1] + v[3]), v[0] + v[2], -v[1]].map((x) => x.toFixed(3)).join(",");
  svg.dataset.cell = cell;
  const whole = v[2] >= 359;
  let data;
  try { data = await api("/api/clusters?" + query({ cell, bbox: whole ? null : bbox })); } catch (e) { return showError(e); }
  const g = document.getElementById("markers");
  g.replaceChildren();
  const unit = v[2] / svg.clientWidth || v[2] / 800;
  for (const c of data.clusters) {
    const label = c.n === 1 ? `1 ${c.type} event — open it` : `${c.n} events, mostly ${c.type} — zoom in`;
    const open = () => (c.n === 1 ? showEvent(c.id) : zoom(4, c.lon, -c.lat));
    g.append(el("svg:circle", {
      class: "marker", cx: c.lon, cy: -c.lat, r: (5 + 3 * Math.sqrt(c.n)) * unit, fill: colour(c.type),
      tabindex: 0, role: "button", "aria-label": label, "data-n": c.n, "data-type": c.type,
      on: { click: open, keydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } } },
    }, el("svg:title", {}, label)));
  }
  svg.dataset.markers = data.clusters.length;
  svg.dataset.ready = "1";
}

function enablePanZoom() {
  const svg = document.getElementById("map");
  let drag = null;
  const toMap = (e) => {
    const r = svg.getBoundingClientRect(), v = state.view, s = Math.max(v[2] / r.width, v[3] / r.height);
    return [v[0] + v[2] / 2 + (e.clientX - r.left - r.width / 2) * s, v[1] + v[3] / 2 + (e.clientY - r.top - r.height / 2) * s, s];
  };
  svg.addEventListener("wheel", (e) => { e.preventDefault(); const [x, y] = toMap(e); zoom(e.deltaY < 0 ? 1.5 : 1 / 1.5, x, y); }, { passive: false });
  svg.addEventListener("pointerdown", (e) => { if (e.target.classList.contains("marker")) return; drag = { x: e.clientX, y: e.clientY, v: state.view.slice(), s: toMap(e)[2] }; });
  window.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const v = drag.v;
    setView([v[0] - (e.clientX - drag.x) * drag.s, v[1] - (e.clientY - drag.y) * drag.s, v[2], v[3]]);
  });
  window.addEventListener("pointerup", () => { drag = null; });
  document.getElementById("zoom-in").onclick = () => zoom(2);
  document.getElementById("zoom-out").onclick = () => zoom(0.5);
  document.getElementById("zoom-reset").onclick = () => setView(WORLD.slice());
}

// ---- timeline with a brush ----
async function drawTimeline() {
  const svg = document.getElementById("timeline");
  let stats;
  try { stats = await api("/api/stats?" + query({ since: null, until: null })); } catch (e) { return showError(e); }
  const days = Object.keys(stats.by_day).filter((d) => d && d !== "null").sort();
  svg.replaceChildren();
  svg.dataset.days = days.length;
  if (!days.length) return;
  const t0 = Date.parse(days[0]), t1 = Date.parse(days[days.length - 1]) + 86400000;
  const max = Math.max(...Object.values(stats.by_day));
  const x = (t) => ((t - t0) / (t1 - t0)) * 1000;
  const w = Math.max(1, 1000 / ((t1 - t0) / 86400000) - 1);
  for (const d of days) {
    const n = stats.by_day[d], h = (n / max) * 100;
    svg.append(el("svg:rect", { class: "bar", x: x(Date.parse(d)), y: 110 - h, width: w, height: h }, el("svg:title", {}, `${d}: ${n}`)));
  }
  const brush = el("svg:rect", { class: "brush", y: 0, height: 120, width: 0, x: 0 });
  svg.append(brush);
  const dayAt = (e) => { const r = svg.getBoundingClientRect(); return t0 + ((e.clientX - r.left) / r.width) * (t1 - t0); };
  let start = null;
  svg.onpointerdown = (e) => { start = dayAt(e); };
  svg.onpointermove = (e) => { if (start === null) return; const a = Math.min(start, dayAt(e)), b = Math.max(start, dayAt(e)); brush.setAttribute("x", x(a)); brush.setAttribute("width", x(b) - x(a)); };
  svg.onpointerup = (e) => {
    if (start === null) return;
    const a = Math.min(start, dayAt(e)), b = Math.max(start, dayAt(e));
    start = null;
    const iso = (t) => new Date(t).toISOString().slice(0, 10);
    const form = document.getElementById("filters");
    form.since.value = iso(a); form.until.value = iso(b);
    applyFilters();
  };
}

// ---- list ----
const party = (p) => (p ? `${p.name || p.text}${p.country ? " (" + p.country + (p.sector ? "/" + p.sector : "") + ")" : ""}` : "?");

async function drawList(append) {
  let data;
  try { data = await api("/api/events?" + query({ limit: 50, offset: state.offset })); } catch (e) { return showError(e); }
  const rows = document.getElementById("rows");
  if (!append) rows.replaceChildren();
  for (const e of data.events) {
    const loc = e.location || {};
    rows.append(el("tr", { class: "event-row", "data-id": e.id, "data-type": e.type },
      el("td", {}, (e.when || {}).start || (e.article || {}).published || "?"),
      el("td", { class: "type", style: null }, e.type, e.mode ? ` / ${e.mode}` : ""),
      el("td", {}, `${party(e.actor)} → ${party(e.recipient)}`),
      el("td", {}, loc.name ? `${loc.name}${loc.country ? ", " + loc.country : ""}` : "—"),
      el("td", {}, String(e.n_sources)),
      el("td", {}, el("button", { type: "button", "aria-label": `Open ${e.type} event ${loc.name ? "in " + loc.name : ""}`, on: { click: () => showEvent(e.id) } }, "Open"))));
  }
  const more = document.getElementById("more");
  more.hidden = state.offset + data.events.length >= data.total;
  document.getElementById("summary").textContent = `${data.total} events match`;
  document.getElementById("list").dataset.total = data.total;
}

// ---- detail with highlighted evidence ----
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
  const ev = rec.evidence;
  for (const sp of spansOf(rec)) {
    box.append(text.slice(at, sp.a));
    box.append(el("mark", { class: sp.cls, title: sp.label }, text.slice(sp.a, sp.b)));
    at = sp.b;
  }
  box.append(text.slice(at));
  box.dataset.evidence = `${ev.start}-${ev.end}`;
  return box;
}

async function showEvent(id) {
  let e;
  try { e = await api("/api/events/" + encodeURIComponent(id)); } catch (err) { return showError(err); }
  const d = document.getElementById("detail");
  const loc = e.location || {}, when = e.when || {};
  const first = e.mentions[0];
  const fields = [
    ["Type", `${e.type}${e.mode ? " / " + e.mode : ""}${e.acled ? " — ACLED " + e.acled.event_type + " / " + e.acled.sub_event_type : ""}`],
    ["Actor", party(e.actor) + (e.actor && e.actor.why ? ` — ${e.actor.why}` : "")],
    ["Recipient", party(e.recipient)],
    ["Where", loc.name ? `${loc.name}${loc.admin1 ? ", " + loc.admin1 : ""}${loc.country ? ", " + loc.country : ""} (${loc.precision}) ${loc.why ? "— " + loc.why : ""}` : "unknown"],
    ["When", when.start ? `${when.start}${when.end && when.end !== when.start ? " to " + when.end : ""} (${when.precision || "?"}${when.source === "published" ? ", publication date" : ""})` : "unknown"],
    ["How many", (e.claims || []).map((c) => `${c.kind} ${c.value}${c.source ? " (" + c.source + ")" : ""}`).join("; ") || "—"],
    ["Says who", e.reported_by ? party(e.reported_by) : "the writer"],
    ["Certainty", e.certainty],
    ["Reports", `${e.n_mentions} from ${e.n_sources} sources, first ${e.first_reported || "?"}`],
  ];
  d.replaceChildren(el("h2", {}, `${e.type} event`),
    el("dl", {}, fields.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
    el("h3", {}, "Reports"),
    el("ul", {}, e.mentions.map((m) => el("li", {}, `${m.article.source || m.article.title || m.article.id} (${m.article.published || "undated"}): `,
      el("q", {}, m.evidence.sentence), m.score !== null ? el("small", {}, ` — merged: ${m.why}`) : ""))));
  d.hidden = false;
  document.querySelectorAll("tr.event-row").forEach((r) => r.classList.toggle("selected", r.dataset.id === e.id));
  if (first) {
    try {
      const art = await api("/api/articles/" + encodeURIComponent(first.article.key));
      const rec = art.events.find((x) => x.id === first.id) || art.events[0];
      d.append(el("h3", {}, art.article.title || "Article"), el("p", {}, "Highlighted: ",
        ["trigger", "actor", "recipient", "place", "time", "quantity", "source"].map((k) => el("mark", { class: "hl-" + k }, k + " "))),
        highlighted(art.text, rec));
    } catch (err) { showError(err); }
  }
  d.focus();
}

// ---- filters ----
function readFilters() {
  const f = new FormData(document.getElementById("filters"));
  state.filters = Object.fromEntries([...f.entries()].filter(([, v]) => v));
  for (const [id, fmt] of [["export-csv", "csv"], ["export-geojson", "geojson"], ["export-acled", "acled-csv"]])
    document.getElementById(id).href = "/api/export?" + query({ format: fmt });
}
function applyFilters() { readFilters(); state.offset = 0; drawList(false); drawMarkers(); drawTimeline(); }

function init() {
  const sel = document.getElementById("f-type");
  for (const t of TYPES) sel.append(el("option", { value: t }, t));
  document.getElementById("legend").append(...TYPES.slice(0, 8).map((t) => el("span", {}, el("i", { style: null, "data-c": colour(t) }), t)));
  document.querySelectorAll("#legend i").forEach((i) => { i.style.background = i.dataset.c; });
  const form = document.getElementById("filters");
  form.addEventListener("submit", (e) => { e.preventDefault(); applyFilters(); });
  form.addEventListener("reset", () => setTimeout(applyFilters, 0));
  document.getElementById("more").onclick = () => { state.offset += 50; drawList(true); };
  enablePanZoom();
  drawLand();
  applyFilters();
}
document.addEventListener("DOMContentLoaded", init);
