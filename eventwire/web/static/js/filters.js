// The filter bar: the form <-> state, name suggestions (countries, actors), the active filters as
// removable chips, and export links that carry the same filters as everything on the page.
import { FILTERS, apiParams, state } from "./state.js";
import { api, debounce, el, num } from "./util.js";

const TYPES = ["ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "SANCTION", "PROTEST", "ACCUSE", "REJECT",
  "REQUEST", "RETREAT", "AID", "COOPERATE", "CONCEDE", "SUPPORT", "CONSULT", "AGREE"];
const ACLED = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"];
const FORM_FIELDS = ["type", "acled", "country", "actor", "text", "since", "until", "certainty"];
const EXPORTS = { "export-jsonl": "jsonl", "export-csv": "csv", "export-acled": "acled-csv", "export-geojson": "geojson", "export-parquet": "parquet" };
const CHIP_NAMES = { type: "Type", acled: "ACLED", country: "Country", actor: "Actor", text: "Words", certainty: "Certainty",
  admin1: "Region", bbox: "Box" };
let hooks = {};
const form = () => document.getElementById("filters");

export function initFilters(options) {
  hooks = options;
  const f = form();
  f.type.append(...TYPES.map((t) => el("option", { value: t }, t)));
  f.acled.append(...ACLED.map((t) => el("option", { value: t }, t)));
  const apply = debounce(() => hooks.onApply(readForm()), 30);
  f.addEventListener("submit", (e) => { e.preventDefault(); apply(); });
  for (const name of ["type", "acled", "certainty", "since", "until"]) f[name].addEventListener("change", apply);
  f.addEventListener("reset", (e) => { e.preventDefault(); hooks.onClear(); });
  f.actor.addEventListener("input", debounce(suggestActors, 150));
  loadCountries();
}

/** The form's values, with the filters set elsewhere (the box, a region) kept. */
function readForm() {
  const f = form(), out = {};
  for (const k of FILTERS) if (!FORM_FIELDS.includes(k) && state.filters[k]) out[k] = state.filters[k];
  for (const k of FORM_FIELDS) if (f[k].value.trim()) out[k] = f[k].value.trim();
  if (out.country !== state.filters.country) delete out.admin1; // a region belongs to its country
  return out;
}

export function syncForm() {
  const f = form();
  for (const k of FORM_FIELDS) f[k].value = state.filters[k] || "";
  document.getElementById("inview").checked = state.inview;
  document.getElementById("colour").value = state.colour;
}

async function loadCountries() {
  let data;
  try { data = await api("/api/countries"); } catch (e) { return; }
  const list = [...data.countries].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
  document.getElementById("country-names").replaceChildren(...list.map((c) =>
    el("option", { value: c.name, label: `${c.iso3}${c.n ? " · " + num(c.n) + " events" : ""}` })));
}

async function suggestActors() {
  const q = form().actor.value.trim();
  let data;
  try { data = await api("/api/actors", new URLSearchParams({ q, limit: 12 }).toString()); } catch (e) { return; }
  document.getElementById("actor-names").replaceChildren(...data.actors.map((a) =>
    el("option", { value: a.name, label: `${num(a.n)} events` })));
}

export function updateExports() {
  for (const [id, format] of Object.entries(EXPORTS)) document.getElementById(id).href = "/api/export?" + apiParams({ format });
}

/** Chips for the active filters; each one's × removes it. */
export function renderChips() {
  const chips = [];
  const f = state.filters;
  for (const [k, name] of Object.entries(CHIP_NAMES)) {
    if (f[k]) chips.push(chip(`${name}: ${k === "bbox" ? "drawn on the map" : f[k]}`, { [k]: null }));
  }
  if (f.since || f.until) chips.push(chip(`Dates: ${f.since || "…"} – ${f.until || "…"}`, { since: null, until: null }));
  if (state.inview) chips.push(chip("Map view", null, true));
  document.getElementById("chips").replaceChildren(...chips);
}

function chip(text, clear, inview) {
  return el("span", { class: "filter-chip" }, text, el("button", { type: "button", "aria-label": `Remove filter ${text}`,
    on: { click: () => (inview ? hooks.onInview(false) : hooks.onApply({ ...state.filters, ...clear })) } }, "×"));
}
