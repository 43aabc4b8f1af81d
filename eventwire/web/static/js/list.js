// The event list: date, type, actors, place, fatalities and sources, sortable, 50 at a time.
import { colour } from "./colours.js";
import { apiParams, state } from "./state.js";
import { api, el, num, party, showError } from "./util.js";

const PAGE = 50;
const SORTABLE = { date: "Date", fatalities: "Fatalities", mentions: "Reports" };
let hooks = {};

export function initList(options) {
  hooks = options;
  document.getElementById("more").addEventListener("click", () => { state.offset += PAGE; refreshList(true); });
  for (const [key, title] of Object.entries(SORTABLE)) {
    const th = document.querySelector(`#list th[data-sort="${key}"]`);
    th.replaceChildren(el("button", { type: "button", class: "sort", on: { click: () => hooks.onSort(nextSort(key)) } }, title));
  }
}

const nextSort = (key) => (state.sort === "-" + key ? key : "-" + key);

function markSort() {
  for (const th of document.querySelectorAll("#list th[data-sort]")) {
    const key = th.dataset.sort;
    th.setAttribute("aria-sort", state.sort === key ? "ascending" : state.sort === "-" + key ? "descending" : "none");
  }
}

function place(loc) {
  if (!loc || !loc.name) return "—";
  return [loc.name, loc.admin1 && loc.admin1 !== loc.name ? loc.admin1 : null, loc.country].filter(Boolean).join(", ");
}

function row(e) {
  const when = (e.when || {}).start || (e.article || {}).published || "?";
  const chip = el("i", { class: "chip" });
  chip.style.background = colour(state.colour, state.colour === "acled" ? (e.acled || {}).event_type : e.type);
  const sources = e.sources && e.sources.length ? e.sources : [e.article.source || e.article.id];
  return el("tr", { class: "event-row" + (e.id === state.event ? " selected" : ""), "data-id": e.id, "data-type": e.type,
    "data-country": (e.location || {}).country || "", on: { click: (ev) => { if (!ev.target.closest("button")) hooks.onEvent(e.id); } } },
  el("td", { class: "nowrap" }, when),
  el("td", {}, chip, el("span", { class: "type" }, e.type), e.acled ? el("small", { class: "sub" }, e.acled.event_type) : null),
  el("td", {}, party(e.actor), el("span", { class: "arrow" }, " → "), party(e.recipient)),
  el("td", {}, place(e.location)),
  el("td", { class: "num" }, e.fatalities === null || e.fatalities === undefined ? "–" : num(e.fatalities)),
  el("td", {}, el("span", { class: "n-sources", title: `${e.n_mentions} reports` }, String(e.n_sources)), " ",
    el("small", {}, sources.join(", "))),
  el("td", {}, el("button", { type: "button", class: "open", "aria-label": `Open ${e.type} event${e.location && e.location.name ? " in " + e.location.name : ""}`,
    on: { click: () => hooks.onEvent(e.id) } }, "Open")));
}

export async function refreshList(append) {
  if (!append) state.offset = 0;
  let data;
  try { data = await api("/api/events", apiParams({ limit: PAGE, offset: state.offset, sort: state.sort })); } catch (e) { return showError(e); }
  const rows = document.getElementById("rows");
  if (!append) rows.replaceChildren();
  rows.append(...data.events.map(row));
  document.getElementById("more").hidden = state.offset + data.events.length >= data.total;
  document.getElementById("list-count").textContent = `${num(data.total)} events${data.total > PAGE ? `, ${num(Math.min(data.total, state.offset + data.events.length))} shown` : ""}`;
  document.getElementById("list").dataset.total = data.total;
  markSort();
}

export function markSelected(id) {
  document.querySelectorAll("tr.event-row").forEach((r) => r.classList.toggle("selected", r.dataset.id === id));
}
