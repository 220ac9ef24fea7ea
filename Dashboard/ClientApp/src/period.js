// What the three Explore pages share: the page state lives in the address (so a link reloads the same page),
// the period form (presets or a custom range of local days), and the tabs, which keep the period and filters.
import { byId } from "./dom.js";
import { format, t } from "./i18n.js";

export const PERIOD_KEYS = ["period", "from", "to"];
export const DIMENSIONS = ["topic", "member_state", "country", "language", "device", "source"];

/** The page state from the address: only `keys`, empty ones left out. */
export function pageState(keys) {
  const params = new URLSearchParams(location.search);
  const result = new URLSearchParams();
  for (const key of keys) {
    const value = params.get(key);
    if (value) result.set(key, value);
  }
  return result;
}

/** Applies `changes` (null removes a key) to the address as a new history entry, then calls `load`. */
export function navigate(keys, changes, load) {
  const next = pageState(keys);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") next.delete(key);
    else next.set(key, value);
  }
  const query = next.toString();
  history.pushState(null, "", query ? `${location.pathname}?${query}` : location.pathname);
  load();
}

const presets = [...document.querySelectorAll("[data-preset]")];

/** Wires the period form: a preset or a custom range calls `go` with the changes of the address. */
export function bindPeriod(go) {
  for (const button of presets) {
    button.addEventListener("click", () => go({ period: button.dataset.preset, from: null, to: null }));
  }
  byId("explore-period").addEventListener("submit", (event) => {
    event.preventDefault();
    const from = byId("explore-from").value;
    const to = byId("explore-to").value;
    if (from && to) go({ period: "custom", from, to });
  });
}

/** Shows the period an answer is about: the pressed preset, its days and (unless `compared` is false) the period it is compared with. */
export function showPeriod(period, compared = true) {
  for (const button of presets) button.setAttribute("aria-pressed", String(button.dataset.preset === period.preset));
  byId("explore-from").value = period.firstDay;
  byId("explore-to").value = period.lastDay;
  const previousFirst = localDay(period.previousStart);
  const previousLast = localDay(new Date(new Date(period.previousEnd).getTime() - 1));
  const range = !compared ? t("explore.rangeOnly", format.longDay(period.firstDay), format.longDay(period.lastDay)) : t("explore.range", format.longDay(period.firstDay), format.longDay(period.lastDay), format.longDay(previousFirst), format.longDay(previousLast));
  byId("explore-range").textContent = period.inProgress && compared ? `${range} (${t("explore.inProgress")})` : range;
}

/** Points the tabs at the same period (and, between the overview and the feedback, the same filters). */
export function linkTabs(query) {
  for (const tab of document.querySelectorAll(".explore-tabs [data-tab]")) {
    const keys = tab.dataset.tab === "article" ? PERIOD_KEYS : [...PERIOD_KEYS, ...DIMENSIONS];
    const carried = new URLSearchParams();
    for (const key of keys) if (query.get(key)) carried.set(key, query.get(key));
    const path = new URL(tab.href, location.href).pathname;
    tab.href = carried.size ? `${path}?${carried}` : path;
  }
}

// The calendar day of an instant in the page's time zone (Trends:TimeZone), as yyyy-MM-dd.
const zone = document.querySelector("[data-time-zone]")?.dataset.timeZone || "UTC";
const dayInZone = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
export function localDay(instant) {
  return dayInZone.format(new Date(instant));
}

/** "up", "down" or "" for a change, as the CSS colours it. */
export function trend(change) {
  return change > 0 ? "up" : change < 0 ? "down" : "";
}
