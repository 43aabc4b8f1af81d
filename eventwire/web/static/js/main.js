// eventwire's analyst page: wires the filter bar, map, timeline, tables, list and detail to one
// state that lives in the URL (reload and shared links restore the view).
import { hideDetail, initDetail, showDetail } from "./detail.js";
import { initFilters, renderChips, syncForm, updateExports } from "./filters.js";
import { initList, markSelected, refreshList } from "./list.js";
import { fitEvents, initMap, refreshMarkers, renderLegend, resetMarkers, showBox, showEvent, startBox } from "./map.js";
import { apiParams, readURL, state, writeURL } from "./state.js";
import { initTables, refreshTables } from "./tables.js";
import { initTimeline, refreshTimeline } from "./timeline.js";
import { api, debounce, num, showError } from "./util.js";

async function refreshStats() {
  let s;
  try { s = await api("/api/stats", apiParams()); } catch (e) { return showError(e); }
  showError(null);
  const countries = Object.keys(s.by_country).filter((k) => k && k !== "null").length;
  const many = (n, one, more) => `${num(n)} ${n === 1 ? one : more}`;
  document.getElementById("summary").textContent =
    `${many(s.events, "event", "events")} · ${many(s.fatalities, "fatality", "fatalities")} · ${many(countries, "country", "countries")}`;
  renderLegend(state.colour === "acled" ? s.by_acled : s.by_type);
}

/** Everything that depends on the filters (the map's markers too, unless only the view moved). */
function refresh(markers = true) {
  updateExports();
  renderChips();
  refreshStats();
  refreshList(false);
  refreshTimeline();
  refreshTables();
  if (markers) { resetMarkers(); refreshMarkers(); }
}

function apply(filters) {
  state.filters = filters;
  syncForm();
  showBox(state.filters.bbox);
  writeURL(true);
  refresh();
}

const refreshInView = debounce(() => refresh(false), 250);

const handlers = {
  onApply: apply,
  onClear: () => { state.inview = false; apply({}); },
  onFilter: (change) => {
    const next = { ...state.filters, ...change };
    for (const k of Object.keys(next)) if (next[k] === null) delete next[k];
    apply(next);
  },
  onLegend: (field, key) => handlers.onFilter({ [field]: key }),
  onBrush: (since, until) => handlers.onFilter({ since, until }),
  onBox: (bbox) => { state.inview = false; handlers.onFilter({ bbox }); },
  onInview: (on) => { state.inview = on; syncForm(); writeURL(true); refresh(false); },
  onMove: () => { writeURL(false); if (state.inview) { updateExports(); refreshInView(); } },
  onEvent: (id) => openEvent(id, true),
  onClose: () => { state.event = null; hideDetail(); markSelected(null); showEvent(null); writeURL(true); },
  onDates: (mode) => { state.dates = mode; writeURL(true); refreshTimeline(); },
  onSort: (sort) => { state.sort = sort; writeURL(true); refreshList(false); },
};

function openEvent(id, push) {
  state.event = id;
  if (push) writeURL(true);
  markSelected(id);
  showEvent(id, false);
  showDetail(id);
}

function initTools() {
  document.getElementById("inview").addEventListener("change", (e) => handlers.onInview(e.target.checked));
  document.getElementById("colour").addEventListener("change", (e) => { state.colour = e.target.value; writeURL(true); refresh(); });
  document.getElementById("draw-box").addEventListener("click", startBox);
  document.getElementById("fit").addEventListener("click", fitEvents);
}

function restore() {
  readURL(location.search);
  syncForm();
  showBox(state.filters.bbox);
  refresh();
  if (state.event) openEvent(state.event, false);
  else hideDetail();
}

function init() {
  readURL(location.search);
  initFilters(handlers);
  initTools();
  initMap(handlers);
  initTimeline(handlers);
  initTables(handlers);
  initList(handlers);
  initDetail(handlers);
  restore();
  window.addEventListener("popstate", () => location.reload());
}

init();
