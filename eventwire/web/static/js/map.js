// The slippy map (Leaflet): events one by one in clusters that expand at a spot ("spiderfy"), or
// server-side grid cells when the view holds too many; the map's extent as a filter; a drawn box.
/* global L */
import { Basemap } from "./basemap.js";
import { colour, label, orderKeys } from "./colours.js";
import { apiParams, state } from "./state.js";
import { api, debounce, el, num, showError } from "./util.js";

const WORLD = { lat: 20, lon: 20, zoom: 2 };
let map = null;
let layer = null;           // the markers now shown (a cluster group or cells)
let box = null;             // the drawn filter box
let hooks = {};
let loaded = null;          // what the shown points cover: "world" when every located event is loaded
let fitted = false;

export const mapReady = () => map !== null;

/** The map's extent as an API bbox (clamped to the world). */
function extent() {
  const b = map.getBounds();
  const c = (v, lo, hi) => Math.min(hi, Math.max(lo, v)).toFixed(4);
  return [c(b.getWest(), -180, 180), c(b.getSouth(), -90, 90), c(b.getEast(), -180, 180), c(b.getNorth(), -90, 90)].join(",");
}

export function initMap(options) {
  hooks = options;
  const node = document.getElementById("map");
  if (!window.L) {
    node.replaceChildren(el("p", { class: "map-missing" }, "The map's files are not installed: run make web-assets. Events are listed below."));
    node.dataset.ready = "1";
    return;
  }
  map = L.map(node, { worldCopyJump: false, minZoom: 1, maxZoom: 14, zoomSnap: 1, boxZoom: false,
    maxBounds: [[-89, -220], [89, 220]], attributionControl: true, keyboard: true });
  map.attributionControl.setPrefix("").addAttribution("Natural Earth · Leaflet");
  const v = state.map || WORLD;
  fitted = Boolean(state.map);
  map.setView([v.lat, v.lon], v.zoom);
  new Basemap(map).load();
  state.view = extent();
  map.on("moveend", onMove);
  enableBox(node);
}

function onMove() {
  const c = map.getCenter();
  state.map = { zoom: map.getZoom(), lat: c.lat, lon: c.lng };
  state.view = extent();
  hooks.onMove();
  if (loaded !== "world") refreshMarkers();
}

/** The cell size for server-side aggregation at the current zoom (about 60 px). */
const cellSize = () => Math.max(0.002, Math.min(30, +(60 / 2 ** map.getZoom()).toPrecision(2)));

let asked = 0;  // answers to older requests are dropped: the map shows the latest question only

export async function refreshMarkers() {
  if (!map) return;
  const node = map.getContainer();
  const world = map.getZoom() <= 3;
  const params = apiParams({ cell: cellSize(), by: state.colour, bbox: world ? state.filters.bbox : boxAround() }, ["bbox"]);
  const mine = ++asked;
  let data;
  try { data = await api("/api/map", params); } catch (e) { return showError(e); }
  if (mine !== asked) return;
  if (layer) layer.remove();
  layer = data.mode === "points" ? pointsLayer(data) : cellsLayer(data);
  layer.addTo(map);
  loaded = data.mode === "points" && world && !state.filters.bbox ? "world" : null;
  node.dataset.mode = data.mode;
  node.dataset.total = data.total;
  if (!fitted && data.mode === "points" && data.points.length) {
    fitted = true;  // a first visit opens on the events, not on the whole world
    map.fitBounds(L.latLngBounds(data.points.map((p) => [p[1], p[2]])).pad(0.15), { maxZoom: 6, animate: false });
  }
  node.dataset.ready = "1";
}

/** The view, with a margin and the drawn box applied, for the markers' query. */
function boxAround() {
  const b = map.getBounds().pad(0.25);
  const c = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  let w = c(b.getWest(), -180, 180), s = c(b.getSouth(), -90, 90), e = c(b.getEast(), -180, 180), n = c(b.getNorth(), -90, 90);
  if (state.filters.bbox) {
    const [bw, bs, be, bn] = state.filters.bbox.split(",").map(Number);
    [w, s, e, n] = [Math.max(w, bw), Math.max(s, bs), Math.min(e, be), Math.min(n, bn)];
    if (w > e || s > n) [w, s, e, n] = [bw, bs, bw, bs];
  }
  return [w, s, e, n].map((x) => x.toFixed(4)).join(",");
}

function eventIcon(id, key, title) {
  const dot = el("span", { class: "ev-marker", "data-id": id, "data-key": key || "", "aria-label": title });
  dot.style.background = colour(state.colour, key);
  if (id === state.event) dot.classList.add("selected");
  return L.divIcon({ className: "ev-icon", html: dot, iconSize: [14, 14] });
}

function clusterIcon(cluster) {
  const markers = cluster.getAllChildMarkers();
  const counts = {};
  for (const m of markers) counts[m.key || ""] = (counts[m.key || ""] || 0) + 1;
  const places = [...new Set(markers.map((m) => m.place).filter(Boolean))];
  const n = markers.length;
  const size = n < 10 ? 30 : n < 100 ? 38 : 46;
  const node = el("span", { class: "ev-cluster", "data-n": n,
    "aria-label": `${n} events: ${places.slice(0, 3).join(", ")}${places.length > 3 ? "…" : ""} — open` }, el("b", {}, num(n)));
  node.style.background = pie(counts);
  return L.divIcon({ className: "ev-cluster-icon", html: node, iconSize: [size, size] });
}

/** A conic gradient of the keys' shares: the mix of types in a cluster at a glance. */
function pie(counts) {
  const keys = orderKeys(state.colour, Object.keys(counts).map((k) => k || null));
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  let at = 0;
  const stops = keys.map((k) => {
    const from = at; at += (counts[k || ""] / total) * 360;
    return `${colour(state.colour, k)} ${from}deg ${at}deg`;
  });
  return `conic-gradient(${stops.join(",")})`;
}

function pointsLayer(data) {
  const group = L.markerClusterGroup({ maxClusterRadius: 36, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
    spiderLegPolylineOptions: { weight: 1.5, color: "#37474f", opacity: 0.6 }, iconCreateFunction: clusterIcon });
  const markers = data.points.map(([id, lat, lon, key, fatalities, date, place]) => {
    const title = `${label(state.colour, key)} · ${date || "undated"} · ${place || "?"}${fatalities ? ` · ${fatalities} killed` : ""}`;
    const m = L.marker([lat, lon], { icon: eventIcon(id, key, title), title, keyboard: true, riseOnHover: true });
    Object.assign(m, { eventId: id, key, place });
    m.on("click", () => hooks.onEvent(id));
    m.on("keypress", (e) => { if (activates(e)) hooks.onEvent(id); });
    return m;
  });
  group.addLayers(markers);
  return group;
}

function cellsLayer(data) {
  const group = L.layerGroup();
  const max = Math.max(...data.cells.map((c) => c.n));
  for (const c of data.cells) {
    const size = Math.round(22 + 30 * Math.sqrt(c.n / max));
    const node = el("span", { class: "ev-cluster ev-cell", "data-n": c.n,
      "aria-label": `${c.n} events here, mostly ${label(state.colour, c.type === "other" ? null : c.type)} — zoom in` }, el("b", {}, num(c.n)));
    node.style.background = pie(Object.fromEntries(Object.entries(c.types).map(([k, n]) => [k === "other" ? "" : k, n])));
    const m = L.marker([c.lat, c.lon], { icon: L.divIcon({ className: "ev-cluster-icon", html: node, iconSize: [size, size] }),
      keyboard: true, title: `${c.n} events` });
    m.on("click", () => zoomTo(c.bounds));
    m.on("keypress", (e) => { if (activates(e)) zoomTo(c.bounds); });
    group.addLayer(m);
  }
  return group;
}

/** Enter or Space on a focused marker (Leaflet passes key presses on, but acts only for popups). */
const activates = (e) => e.originalEvent.key === "Enter" || e.originalEvent.key === " ";

function zoomTo([w, s, e, n]) {
  if (w === e && s === n) map.setView([s, w], Math.max(map.getZoom() + 3, 10));
  else map.fitBounds([[s, w], [n, e]], { padding: [30, 30], maxZoom: 12 });
}

/** Select an event's marker (and show it, expanding its cluster) when it is on the map. */
export function showEvent(id, reveal) {
  if (!map) return;
  document.querySelectorAll(".ev-marker.selected").forEach((n) => n.classList.remove("selected"));
  const marker = layer && layer.getLayers && layer.getLayers().find((m) => m.eventId === id);
  if (!marker) return;
  if (reveal && layer.zoomToShowLayer) layer.zoomToShowLayer(marker, () => markSelected(id));
  else markSelected(id);
}

function markSelected(id) {
  document.querySelectorAll(`.ev-marker[data-id="${CSS.escape(id)}"]`).forEach((n) => n.classList.add("selected"));
}

/** Back to all the events: the world, then (when they are few enough to load) their extent. */
export function fitEvents() {
  if (!map) return;
  fitted = false;
  loaded = null;
  map.setView([WORLD.lat, WORLD.lon], WORLD.zoom, { animate: false });
}
export function resetMarkers() { loaded = null; }

// ---- the drawn box: shift-drag, or the Box button then a drag ----
let drawing = false;
export function startBox() { drawing = true; map && map.getContainer().classList.add("drawing"); }

function enableBox(node) {
  let start = null, rect = null;
  const finish = () => {
    node.classList.remove("drawing");
    drawing = false;
    map.dragging.enable();
  };
  node.addEventListener("pointerdown", (e) => {
    if (!(e.shiftKey || drawing) || e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    map.dragging.disable();
    start = map.mouseEventToLatLng(e);
    rect = L.rectangle([start, start], { color: "#e65100", weight: 2, fillOpacity: 0.08, interactive: false }).addTo(map);
  }, true);
  window.addEventListener("pointermove", (e) => { if (start) rect.setBounds([start, map.mouseEventToLatLng(e)]); });
  window.addEventListener("pointerup", (e) => {
    if (!start) return;
    const b = L.latLngBounds(start, map.mouseEventToLatLng(e));
    start = null;
    rect.remove();
    finish();
    if (b.getNorth() - b.getSouth() < 1e-4) return; // a click, not a box
    const c = (v, lo, hi) => Math.min(hi, Math.max(lo, v)).toFixed(4);
    hooks.onBox([c(b.getWest(), -180, 180), c(b.getSouth(), -90, 90), c(b.getEast(), -180, 180), c(b.getNorth(), -90, 90)].join(","));
  });
}

/** Draw the filter box (or remove it). */
export function showBox(bbox) {
  if (!map) return;
  if (box) box.remove();
  box = null;
  if (!bbox) return;
  const [w, s, e, n] = bbox.split(",").map(Number);
  box = L.rectangle([[s, w], [n, e]], { color: "#e65100", weight: 2, dashArray: "6 4", fillOpacity: 0.04, interactive: false }).addTo(map);
}

/** The legend: the colour keys present under the current filters, with counts; click to filter. */
export function renderLegend(counts) {
  const keys = orderKeys(state.colour, Object.keys(counts).map((k) => (k === "null" ? null : k)));
  const field = state.colour === "acled" ? "acled" : "type";
  document.getElementById("legend").replaceChildren(...keys.map((k) => {
    const active = state.filters[field] === k;
    const swatch = el("i", {});
    swatch.style.background = colour(state.colour, k);
    return el("button", { type: "button", class: "legend-item" + (active ? " active" : ""), "data-key": k || "",
      "aria-pressed": active ? "true" : "false", title: k ? `Show only ${k} (again: all)` : "events with no ACLED type",
      disabled: k ? null : true, on: { click: () => hooks.onLegend(field, active ? null : k) } },
    swatch, label(state.colour, k), el("small", {}, num(counts[k === null ? "null" : k])));
  }));
}
