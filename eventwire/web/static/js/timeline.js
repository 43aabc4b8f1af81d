// Events and fatalities over time, stacked by type, on a labelled date axis, with a brush that
// filters the dates and stays drawn. The range opens on the bulk of the events (robust to one old
// report); "All dates" shows everything.
import { colour, label, orderKeys } from "./colours.js";
import { apiParams, state } from "./state.js";
import { DAY, api, dayLabel, el, monthName, num, showError, toIso, toTime } from "./util.js";

const H = { events: 96, fatalities: 64 };
const AXIS = 20, LEFT = 40, RIGHT = 10;
let data = null;
let hooks = {};

export function initTimeline(options) {
  hooks = options;
  document.getElementById("dates-all").addEventListener("click", () => hooks.onDates(state.dates === "all" ? "focus" : "all"));
  new ResizeObserver(() => draw()).observe(document.getElementById("timeline"));
}

export async function refreshTimeline() {
  try { data = await api("/api/timeline", apiParams({ by: state.colour }, ["since", "until"])); } catch (e) { return showError(e); }
  draw();
}

/** Bin size for a span of days: days up to 3 months, weeks up to 2 years, else months. */
function binOf(span) {
  if (span <= 92) return { name: "day", start: (t) => t, next: (t) => t + DAY };
  if (span <= 731) return { name: "week", start: (t) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY, next: (t) => t + 7 * DAY };
  const month = (t) => Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth(), 1);
  return { name: "month", start: month, next: (t) => month(t + 32 * DAY) };
}

function domain() {
  const r = data.range;
  let [lo, hi] = state.dates === "all" ? [r.min, r.max] : r.focus;
  const f = state.filters;  // a brushed range outside the focus stays in view
  if (f.since && f.since < lo) lo = f.since < r.min ? r.min : f.since;
  if (f.until && f.until > hi) hi = f.until > r.max ? r.max : f.until;
  return [toTime(lo), toTime(hi)];
}

function bins() {
  const [t0, t1] = domain();
  const bin = binOf((t1 - t0) / DAY + 1);
  const out = new Map();
  for (let t = bin.start(t0); t <= t1; t = bin.next(t)) out.set(t, { t, end: bin.next(t), events: {}, fatalities: {} });
  for (const [day, key, n, f] of data.rows) {
    const t = toTime(day);
    if (t < t0 || t > t1) continue;
    const b = out.get(bin.start(t));
    const k = key || "";
    b.events[k] = (b.events[k] || 0) + n;
    b.fatalities[k] = (b.fatalities[k] || 0) + f;
  }
  return { list: [...out.values()], bin, t0: bin.start(t0), t1: bin.next(bin.start(t1)) };
}

function draw() {
  const svg = document.getElementById("timeline");
  const note = document.getElementById("timeline-note");
  if (!data || !data.range) { svg.replaceChildren(); note.textContent = "No dated events."; return; }
  const width = Math.max(300, svg.clientWidth);
  const height = H.events + H.fatalities + 2 * AXIS + 8;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("height", height);
  const b = bins();
  const x = (t) => LEFT + ((t - b.t0) / (b.t1 - b.t0)) * (width - LEFT - RIGHT);
  const keys = orderKeys(state.colour, new Set(data.rows.map((r) => r[1] || "")));
  svg.replaceChildren(
    chart(b, x, keys, "events", 4, "Events"),
    chart(b, x, keys, "fatalities", H.events + AXIS + 8, "Fatalities"),
    axis(b, x, height - AXIS + 2),
    brushLayer(b, x, height));
  svg.dataset.bin = b.bin.name;
  svg.dataset.from = toIso(b.t0);
  svg.dataset.to = toIso(b.t1 - DAY);
  const outside = state.dates === "all" ? 0 : data.range.outside;
  note.textContent = `${b.bin.name === "day" ? "Per day" : "Per " + b.bin.name}, ${dayLabel(toIso(b.t0))} – ${dayLabel(toIso(b.t1 - DAY))}`
    + (outside ? ` · ${num(outside)} event${outside === 1 ? "" : "s"} outside this range` : "") + (data.undated ? ` · ${num(data.undated)} undated` : "");
  const all = document.getElementById("dates-all");
  all.textContent = state.dates === "all" ? "Main range" : "All dates";
  all.setAttribute("aria-pressed", state.dates === "all" ? "true" : "false");
  svg.dataset.ready = "1";
}

function chart(b, x, keys, metric, top, title) {
  const h = H[metric];
  const max = Math.max(1, ...b.list.map((bin) => Object.values(bin[metric]).reduce((a, c) => a + c, 0)));
  const g = el("svg:g", { class: `chart chart-${metric}` });
  g.append(el("svg:text", { x: 4, y: top + 10, class: "chart-title" }, title),
    el("svg:text", { x: LEFT - 4, y: top + 22, class: "tick-label end" }, num(max)),
    el("svg:line", { x1: LEFT, x2: x(b.t1), y1: top + h, y2: top + h, class: "baseline" }));
  for (const bin of b.list) {
    let y = top + h;
    const w = Math.max(1, x(bin.end) - x(bin.t) - 1);
    for (const k of keys) {
      const n = bin[metric][k];
      if (!n) continue;
      const bh = (n / max) * (h - 14);
      y -= bh;
      const rect = el("svg:rect", { x: x(bin.t), y, width: w, height: bh, class: "bar" },
        el("svg:title", {}, `${binTitle(b.bin.name, bin.t)} · ${label(state.colour, k || null)}: ${num(n)} ${metric}`));
      rect.style.fill = colour(state.colour, k || null);
      g.append(rect);
    }
  }
  return g;
}

const binTitle = (name, t) => (name === "day" ? dayLabel(toIso(t)) : name === "week" ? `week of ${dayLabel(toIso(t))}`
  : `${monthName(t)} ${new Date(t).getUTCFullYear()}`);

/** Tick marks and labels at days, weeks, months or years, at least 70 px apart. */
function axis(b, x, y) {
  const g = el("svg:g", { class: "axis" });
  const px = (x(b.t1) - x(b.t0)) / ((b.t1 - b.t0) / DAY);
  const steps = [[1, "day"], [2, "day"], [7, "day"], [14, "day"], [1, "month"], [3, "month"], [6, "month"], [12, "month"], [24, "month"], [60, "month"]];
  const [step, unit] = steps.find(([s, u]) => (u === "day" ? s : s * 30.4) * px >= 70) || steps[steps.length - 1];
  let t = unit === "day" ? b.t0 : Date.UTC(new Date(b.t0).getUTCFullYear(), 0, 1);
  let lastYear = null;
  for (let guard = 0; t < b.t1 && guard < 400; guard++) {
    if (t >= b.t0) {
      const d = new Date(t), year = d.getUTCFullYear();
      const text = unit === "day" ? `${d.getUTCDate()} ${monthName(t)}` : step >= 12 ? String(year) : monthName(t);
      const withYear = step < 12 && year !== lastYear ? `${text} ${year}` : text;
      lastYear = year;
      g.append(el("svg:line", { x1: x(t), x2: x(t), y1: y - 4, y2: y, class: "tick" }),
        el("svg:text", { x: x(t) + 2, y: y + 11, class: "tick-label" }, withYear));
    }
    if (unit === "day") t += step * DAY;
    else { const d = new Date(t); t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1); }
  }
  return g;
}

/** The brush: drag across either chart to filter dates; a click clears them. It stays drawn. */
function brushLayer(b, x, height) {
  const g = el("svg:g", { class: "brush-layer" });
  const area = el("svg:rect", { x: LEFT, y: 0, width: x(b.t1) - LEFT, height, class: "brush-area" });
  const sel = el("svg:rect", { y: 0, height: height - AXIS, class: "brush", id: "brush", width: 0, x: LEFT });
  const f = state.filters;
  if (f.since || f.until) {
    const a = Math.max(b.t0, f.since ? toTime(f.since) : b.t0), z = Math.min(b.t1, f.until ? toTime(f.until) + DAY : b.t1);
    sel.setAttribute("x", x(a)); sel.setAttribute("width", Math.max(2, x(z) - x(a)));
  }
  g.append(area, sel);
  const svg = () => document.getElementById("timeline");
  const timeAt = (e) => {
    const r = svg().getBoundingClientRect(), px = ((e.clientX - r.left) / r.width) * svg().viewBox.baseVal.width;
    return b.t0 + ((px - LEFT) / (x(b.t1) - LEFT)) * (b.t1 - b.t0);
  };
  let start = null;
  g.addEventListener("pointerdown", (e) => { start = timeAt(e); g.setPointerCapture(e.pointerId); });
  g.addEventListener("pointermove", (e) => {
    if (start === null) return;
    const a = Math.min(start, timeAt(e)), z = Math.max(start, timeAt(e));
    sel.setAttribute("x", x(Math.max(a, b.t0))); sel.setAttribute("width", Math.max(0, x(Math.min(z, b.t1)) - x(Math.max(a, b.t0))));
  });
  g.addEventListener("pointerup", (e) => {
    if (start === null) return;
    const a = Math.max(b.t0, Math.min(start, timeAt(e))), z = Math.min(b.t1 - 1, Math.max(start, timeAt(e)));
    const click = Math.abs(x(z) - x(a)) < 3;
    start = null;
    hooks.onBrush(click ? null : toIso(a), click ? null : toIso(z));
  });
  return g;
}
