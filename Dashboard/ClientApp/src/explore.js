// The Explore page: one period beside the period before, with headline figures, a series and a breakdown
// per dimension (/api/v1/explore/overview). The page state is the query string — period, from, to and one
// value per filter — so a link reloads the same page; choosing a breakdown row adds its filter.
import { getJson } from "./api.js";
import { base, chart, palette, side } from "./charts.js";
import { byId, el, replace, setFigure } from "./dom.js";
import { dimensionValueName, format, locale, rtl, t } from "./i18n.js";
import { DIMENSIONS, PERIOD_KEYS, bindPeriod, linkTabs, navigate as go, pageState, showPeriod, trend } from "./period.js";

const STATE_KEYS = [...PERIOD_KEYS, ...DIMENSIONS];
const series = chart(byId("explore-series"));
let request = 0;

bindPeriod(navigate);
window.addEventListener("popstate", () => load());
load();

function state() {
  return pageState(STATE_KEYS);
}

function navigate(changes) {
  go(STATE_KEYS, changes, load);
}

async function load() {
  const query = state();
  const mine = ++request;
  const message = byId("explore-message");
  message.textContent = t("common.loading");
  byId("explore-series-csv").href = `/api/v1/explore/series.csv?${query}`;
  for (const link of document.querySelectorAll("[data-breakdown] .csv-link")) {
    const dimension = link.closest("[data-breakdown]").dataset.breakdown;
    link.href = `/api/v1/explore/breakdown.csv?${withKey(query, "dimension", dimension)}`;
  }
  drawFilters(query);
  linkTabs(query);
  try {
    const overview = await getJson(`/api/v1/explore/overview?${query}`);
    if (mine !== request) return; // a newer state was chosen meanwhile
    const empty = overview.totals.current.views === 0 && overview.totals.current.ratings === 0;
    message.textContent = empty ? t("explore.empty") : "";
    drawPeriod(overview.period);
    drawFigures(overview.totals);
    drawSeries(overview.series, overview.period.bucket);
    for (const dimension of DIMENSIONS) drawBreakdown(dimension, overview.breakdowns[dimension] ?? [], query.get(dimension));
  } catch (error) {
    if (mine === request) message.textContent = t("common.loadError", error.message);
  }
}

function withKey(query, key, value) {
  const copy = new URLSearchParams(query);
  copy.set(key, value);
  return copy;
}

function drawPeriod(period) {
  showPeriod(period);
  byId("explore-series-title").textContent = `${t("explore.seriesTitle")} (${t(`explore.byBucket.${period.bucket}`)})`;
}

function drawFilters(query) {
  const chips = DIMENSIONS.filter((d) => query.get(d)).map((d) => {
    const name = `${t(`dimension.${d}`)}: ${dimensionValueName(d, query.get(d))}`;
    const chip = el("button", { type: "button", class: "filter-chip", "data-filter": d, "aria-label": t("explore.removeFilter", name) }, name);
    chip.addEventListener("click", () => navigate({ [d]: null }));
    return chip;
  });
  if (chips.length > 1) {
    const clear = el("button", { type: "button", class: "button", id: "explore-clear" }, t("explore.clearFilters"));
    clear.addEventListener("click", () => navigate(Object.fromEntries(DIMENSIONS.map((d) => [d, null]))));
    chips.push(clear);
  }
  replace(byId("explore-filters"), chips.length ? chips : el("span", { class: "note" }, t("explore.noFilter")));
}

function drawFigures(totals) {
  const { current, previous } = totals;
  figure("views", format.integer(current.views), current.views, totals.viewsChange, format.integer(previous.views));
  figure("visitors", format.integer(current.visitors), current.visitors, totals.visitorsChange, format.integer(previous.visitors));
  figure("ratings", format.integer(current.ratings), current.ratings, totals.ratingsChange, format.integer(previous.ratings));
  figure("per1000", oneDecimal(current.ratingsPerThousandViews), current.ratingsPerThousandViews ?? "", null, oneDecimal(previous.ratingsPerThousandViews));

  const card = document.querySelector('[data-figure="csat"]');
  setFigure(card.querySelector(".value"), format.percent(current.csat), current.csat ?? "");
  replace(card.querySelector(".detail"),
    current.csatLow === null ? null : `${t("trends.interval", format.percent(current.csatLow), format.percent(current.csatHigh))} `,
    current.ratings > 0 && current.smallSample ? el("span", { class: "badge small-sample", title: t("trends.smallSampleHint") }, t("trends.smallSample")) : null,
    totals.csatChange === null ? null : el("span", { class: `change ${trend(totals.csatChange)}` }, ` ${points(totals.csatChange)}`),
    // Nothing to say about the period before when it had no ratings.
    previous.csat === null ? null : ` · ${t("explore.previous", format.percent(previous.csat))}`);
}

function figure(key, text, value, change, previousText) {
  const card = document.querySelector(`[data-figure="${key}"]`);
  setFigure(card.querySelector(".value"), text, value);
  replace(card.querySelector(".detail"),
    change === null || change === undefined ? null : el("span", { class: `change ${trend(change)}` }, `${format.change(change)} `),
    t("explore.previous", previousText));
}

const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
function oneDecimal(n) {
  return n === null || n === undefined ? "—" : decimal.format(n);
}

// A CSAT change in percentage points, signed.
const signedInteger = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: "exceptZero" });
function points(change) {
  return t("explore.points", signedInteger.format(Math.round(change * 100)));
}

function drawSeries(points, bucket) {
  // Time runs in the reading direction: right to left in Arabic.
  const ordered = rtl ? [...points].reverse() : points;
  const label = (l) => (bucket === "hour" ? `${format.day(l.slice(0, 10))} ${l.slice(11)}` : format.day(l.slice(0, 10)));
  series.setOption(base({
    tooltip: { trigger: "axis", valueFormatter: (v) => format.integer(v) },
    legend: { top: 0, [side.start]: 0, align: side.start },
    grid: { top: 40, left: 16, right: 16, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: ordered.map((p) => p.label), boundaryGap: false, axisLabel: { formatter: label } },
    yAxis: { type: "value", position: side.start, minInterval: 1, axisLabel: { formatter: (v) => format.integer(v) } },
    series: [
      { type: "line", name: t("explore.seriesCurrent"), data: ordered.map((p) => p.views), color: palette[0], symbolSize: 5 },
      { type: "line", name: t("explore.seriesPrevious"), data: ordered.map((p) => p.previousViews), color: "#8a968f", lineStyle: { type: "dashed" }, symbol: "none" },
    ],
  }), { notMerge: true });
}

function drawBreakdown(dimension, rows, chosen) {
  const body = byId(`breakdown-${dimension}`).tBodies[0];
  if (rows.length === 0) {
    replace(body, el("tr", {}, el("td", { colspan: 5, class: "empty" }, t("explore.empty"))));
    return;
  }
  replace(body, rows.map((r) => {
    const name = dimensionValueName(dimension, r.value);
    const selected = chosen === r.value;
    const button = el("button", { type: "button", class: "value-button", dir: "auto", title: t("explore.filterBy", name) }, name);
    const row = el("tr", { "data-value": r.value, "aria-selected": selected ? "true" : null },
      el("th", { scope: "row" }, button),
      el("td", { class: "number views" }, format.integer(r.current.views)),
      el("td", { class: `number change ${trend(r.viewsChange)}` },
        r.viewsChange === null && r.current.views > 0 ? el("span", { class: "badge" }, t("explore.new")) : format.change(r.viewsChange)),
      el("td", { class: "number" }, format.integer(r.current.ratings)),
      el("td", { class: "number" }, format.percent(r.current.csat),
        r.current.ratings > 0 && r.current.smallSample ? el("span", { class: "badge small-sample", title: t("trends.smallSampleHint") }, t("trends.smallSample")) : null));
    // Choosing the filtered row again removes its filter.
    row.addEventListener("click", () => navigate({ [dimension]: selected ? null : r.value }));
    return row;
  }));
}
