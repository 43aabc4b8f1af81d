// Colours by PLOVER type or by ACLED event type. Legends list only the keys present in the data.

const PLOVER = {
  ASSAULT: "#c62828", COERCE: "#ef6c00", MOBILIZE: "#ad1457", THREATEN: "#8e24aa", SANCTION: "#5e35b1",
  PROTEST: "#2e7d32", ACCUSE: "#f9a825", REJECT: "#6d4c41", REQUEST: "#00897b", RETREAT: "#78909c",
  AID: "#43a047", COOPERATE: "#1e88e5", CONCEDE: "#3949ab", SUPPORT: "#00acc1", CONSULT: "#546e7a", AGREE: "#9e9d24",
};
const ACLED = {
  "Battles": "#c62828", "Explosions/Remote violence": "#ef6c00", "Violence against civilians": "#6a1b9a",
  "Protests": "#2e7d32", "Riots": "#d81b60", "Strategic developments": "#1565c0",
};
const OTHER = "#8d99a6";
export const OTHER_LABEL = { type: "other", acled: "not an ACLED type" };

/** The colour of a key ("ASSAULT", "Battles"; null = no ACLED type) in a scheme ("type"|"acled"). */
export function colour(scheme, key) {
  const table = scheme === "acled" ? ACLED : PLOVER;
  return (key && table[key]) || OTHER;
}

/** Keys in a fixed order (the codebook's, then ACLED's), unknown ones last. */
export function orderKeys(scheme, keys) {
  const order = Object.keys(scheme === "acled" ? ACLED : PLOVER);
  const rank = (k) => (order.indexOf(k) < 0 ? order.length + (k ? 0 : 1) : order.indexOf(k));
  return [...keys].sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
}

export const label = (scheme, key) => key || OTHER_LABEL[scheme];
