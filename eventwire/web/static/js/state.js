// The page's state, kept in the query string so a reload or a shared link restores the same view:
// every filter, the map view, "filter to view", the colour scheme, the date range and the open event.

export const FILTERS = ["type", "acled", "country", "actor", "text", "since", "until", "certainty", "admin1", "bbox"];
const DEFAULTS = { colour: "type", dates: "focus", sort: "-date", inview: false, map: null, event: null };

export const state = { filters: {}, ...DEFAULTS, view: null, offset: 0 };

/** Read the state from a query string ("?country=Sudan&map=5/15.5/30.2&event=abc"). */
export function readURL(search) {
  const p = new URLSearchParams(search);
  state.filters = {};
  for (const k of FILTERS) if (p.get(k)) state.filters[k] = p.get(k);
  state.colour = p.get("colour") === "acled" ? "acled" : "type";
  state.dates = p.get("dates") === "all" ? "all" : "focus";
  state.sort = p.get("sort") || DEFAULTS.sort;
  state.inview = p.get("inview") === "1";
  state.event = p.get("event") || null;
  const m = (p.get("map") || "").split("/").map(Number);
  state.map = m.length === 3 && m.every(Number.isFinite) ? { zoom: m[0], lat: m[1], lon: m[2] } : null;
}

/** The query string of the current state. */
export function stateURL() {
  const p = new URLSearchParams();
  for (const k of FILTERS) if (state.filters[k]) p.set(k, state.filters[k]);
  if (state.inview) p.set("inview", "1");
  if (state.colour !== DEFAULTS.colour) p.set("colour", state.colour);
  if (state.dates !== DEFAULTS.dates) p.set("dates", state.dates);
  if (state.sort !== DEFAULTS.sort) p.set("sort", state.sort);
  if (state.map) p.set("map", `${state.map.zoom}/${state.map.lat.toFixed(4)}/${state.map.lon.toFixed(4)}`);
  if (state.event) p.set("event", state.event);
  const s = p.toString();
  return s ? "?" + s : location.pathname;
}

/** Write the state into the address bar: a new history entry for a new question, else in place. */
export function writeURL(push) {
  const url = stateURL();
  if (url === location.search || (url === location.pathname && !location.search)) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

/** The API filters: the form's, with the map's extent as the box when "filter to view" is on. */
export function apiParams(extra, omit) {
  const p = new URLSearchParams();
  const f = { ...state.filters };
  if (state.inview && state.view) f.bbox = state.view;
  for (const k of omit || []) delete f[k];
  for (const [k, v] of Object.entries({ ...f, ...(extra || {}) })) if (v !== null && v !== undefined && v !== "") p.set(k, v);
  return p.toString();
}
