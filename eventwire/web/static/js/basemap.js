// The base map, drawn from Natural Earth data served next to the page (no tile server, no CDN):
// countries at 1:110m (world view) and 1:50m (zoomed in), first-level divisions of the countries
// in view from zoom 5, and country names placed by population as the map zooms in.
/* global L, topojson */
import { api } from "./util.js";

const VENDOR = "/static/vendor";
const ADMIN1_ZOOM = 5;
const COUNTRY_STYLE = { color: "#9aa5b1", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 };
const ADMIN1_STYLE = { color: "#b3a78f", weight: 0.7, dashArray: "3 3", fill: true, fillOpacity: 0 };
// countries labelled at each zoom, by population
const LABEL_POPULATION = [[3, 40e6], [4, 8e6], [5, 1e6], [6, 0]];

async function json(path) {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}

/** Leaflet writes a string tooltip as HTML: names go in as a text node. */
function textNode(text) {
  const span = document.createElement("span");
  span.textContent = text || "";
  return span;
}

async function countries(res) {
  const topo = await json(`${VENDOR}/countries-${res}.json`);
  return topojson.feature(topo, topo.objects.countries);
}

export class Basemap {
  constructor(map) {
    this.map = map;
    map.createPane("basemap").style.zIndex = 200;
    map.createPane("admin1").style.zIndex = 250;
    map.createPane("labels").style.zIndex = 350;
    map.getPane("labels").style.pointerEvents = "none";
    this.renderer = L.canvas({ pane: "basemap", padding: 0.3 });
    this.adminRenderer = L.canvas({ pane: "admin1", padding: 0.3 });
    this.layers = {};
    this.admin1 = L.layerGroup().addTo(map);
    this.admin1Files = {};
    this.labels = L.layerGroup().addTo(map);
    this.countryList = [];
  }

  /** Load the shapes and names; the map works (events only) when they are not installed. */
  async load() {
    try {
      this.layers["110m"] = this.layer(await countries("110m"));
      this.update();
      this.layers["50m"] = this.layer(await countries("50m"));
      this.admin1Index = await json(`${VENDOR}/admin1/index.json`).catch(() => ({}));
      this.countryList = (await api("/api/countries")).countries.filter((c) => c.lat !== null && c.iso2);
      this.map.getContainer().dataset.basemap = "1";
    } catch (e) {
      this.map.getContainer().dataset.basemap = "missing";
    }
    this.update();
    this.map.on("zoomend moveend", () => this.update());
  }

  layer(fc) {
    return L.geoJSON(fc, { pane: "basemap", renderer: this.renderer, style: COUNTRY_STYLE, interactive: false });
  }

  update() {
    const z = this.map.getZoom();
    const want = z >= 3 && this.layers["50m"] ? "50m" : "110m";
    for (const [res, layer] of Object.entries(this.layers)) {
      if (res === want && !this.map.hasLayer(layer)) layer.addTo(this.map);
      if (res !== want && this.map.hasLayer(layer)) layer.remove();
    }
    this.updateAdmin1(z);
    this.updateLabels(z);
  }

  async updateAdmin1(z) {
    if (z < ADMIN1_ZOOM || !this.admin1Index) { this.admin1.clearLayers(); return; }
    const view = this.map.getBounds();
    const wanted = Object.entries(this.admin1Index).filter(([, b]) => view.intersects(L.latLngBounds([b[1], b[0]], [b[3], b[2]])));
    for (const [code] of wanted) {
      if (!this.admin1Files[code]) this.admin1Files[code] = json(`${VENDOR}/admin1/${code}.json`).then((fc) => L.geoJSON(fc, {
        pane: "admin1", renderer: this.adminRenderer, style: ADMIN1_STYLE,
        onEachFeature: (f, layer) => layer.bindTooltip(textNode(f.properties.name), { sticky: true, className: "admin1-tip" }),
      })).catch(() => null);
    }
    const layers = (await Promise.all(wanted.map(([code]) => this.admin1Files[code]))).filter(Boolean);
    if (this.map.getZoom() < ADMIN1_ZOOM) return;
    this.admin1.clearLayers();
    for (const layer of layers) this.admin1.addLayer(layer);
  }

  updateLabels(z) {
    this.labels.clearLayers();
    const min = (LABEL_POPULATION.find(([zoom]) => z <= zoom) || [0, 0])[1];
    if (z < LABEL_POPULATION[0][0]) return;
    const view = this.map.getBounds().pad(0.1);
    for (const c of this.countryList) {
      if (c.population < min || !view.contains([c.lat, c.lon])) continue;
      const node = textNode(c.name);
      this.labels.addLayer(L.marker([c.lat, c.lon], {
        pane: "labels", interactive: false, keyboard: false,
        icon: L.divIcon({ className: "country-label", html: node, iconSize: null }),
      }));
    }
  }
}
