// Top countries, actors and first-level divisions for the current filters, with events and
// fatalities; a click on a row filters to it (again: removes that filter).
import { apiParams, state } from "./state.js";
import { api, el, num, showError } from "./util.js";

const TABLES = [
  ["country", "Countries", (r) => ({ country: r.key })],
  ["admin1", "Regions (first-level divisions)", (r) => ({ admin1: r.key, country: r.country })],
  ["actor", "Actors (as actor or target)", (r) => ({ actor: r.key })],
];
let hooks = {};

export function initTables(options) { hooks = options; }

const isActive = (name, r) => (name === "country" ? state.filters.country === r.key
  : name === "admin1" ? state.filters.admin1 === r.key : state.filters.actor === r.key);

export async function refreshTables() {
  let data;
  try { data = await api("/api/top", apiParams({ by: "country,admin1,actor", limit: 8 })); } catch (e) { return showError(e); }
  const box = document.getElementById("tops");
  box.replaceChildren(...TABLES.map(([name, title, filter]) => {
    const rows = data[name] || [];
    const max = Math.max(1, ...rows.map((r) => r.n));
    return el("section", { class: "top", "data-table": name },
      el("h3", {}, title),
      rows.length ? el("table", {},
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Name"), el("th", { scope: "col", class: "num" }, "Events"),
          el("th", { scope: "col", class: "num" }, "Fatalities"))),
        el("tbody", {}, rows.map((r) => {
          const active = isActive(name, r);
          const bar = el("span", { class: "bar" });
          bar.style.width = `${Math.round((r.n / max) * 100)}%`;
          const clear = Object.fromEntries(Object.keys(filter(r)).map((k) => [k, null]));
          return el("tr", { class: active ? "active" : null },
            el("td", {}, el("button", { type: "button", class: "linkish", "data-key": r.key, "aria-pressed": active ? "true" : "false",
              title: active ? "Remove this filter" : `Show only ${r.label}`,
              on: { click: () => hooks.onFilter(active ? clear : filter(r)) } }, r.label)),
            el("td", { class: "num" }, bar, num(r.n)),
            el("td", { class: "num" }, r.fatalities ? num(r.fatalities) : "–"));
        }))) : el("p", { class: "empty" }, "None"));
  }));
}
