// Small helpers shared by the page's modules: DOM building, the JSON API, formatting.
// Untrusted text (articles, names) only ever enters the page through el()'s text nodes.

const SVGNS = "http://www.w3.org/2000/svg";

/** An element with attributes ("on" = event listeners) and children (nodes or text). */
export function el(tag, attrs, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVGNS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "on") for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : String(c));
  return node;
}

/** GET a JSON endpoint; an error response becomes an Error with the server's message. */
export async function api(path, params) {
  const r = await fetch(params ? `${path}?${params}` : path);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error ? body.error.message : r.statusText);
  return body;
}

export const fmt = new Intl.NumberFormat("en");
export const num = (n) => fmt.format(n || 0);

/** "Rapid Support Forces (SDN/REB)" for a party of a record. */
export function party(p) {
  if (!p) return "—";
  const tag = p.country ? ` (${p.country}${p.sector ? "/" + p.sector : ""})` : "";
  return `${p.name || p.text}${tag}`;
}

/** Call fn at most once per `ms`, with the latest arguments. */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

export function showError(err) {
  const box = document.getElementById("error");
  box.textContent = err ? String(err.message || err) : "";
  box.hidden = !err;
}

// ---- dates (UTC days as "YYYY-MM-DD") ----
export const DAY = 86400000;
export const toTime = (iso) => Date.parse(iso + "T00:00:00Z");
export const toIso = (t) => new Date(t).toISOString().slice(0, 10);
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export const monthName = (t) => MONTHS[new Date(t).getUTCMonth()];
export const dayLabel = (iso) => { const t = toTime(iso); return `${new Date(t).getUTCDate()} ${monthName(t)} ${new Date(t).getUTCFullYear()}`; };
