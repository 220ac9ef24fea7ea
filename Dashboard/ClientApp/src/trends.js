// The trends page: eight ISO weeks of `trends` (computed by the Jobs) for one dimension at a time —
// views per week with anomaly marks, the latest week ranked, and satisfaction with its 95 % interval.
import { camelRows, getJson } from "./api.js";
import { base, chart, palette, side } from "./charts.js";
import { byId, el, replace } from "./dom.js";
import { dimensionValueName, format, rtl, t } from "./i18n.js";

const PERIODS = 8;
const SERIES_LIMIT = 8;
const views = chart(byId("trends-views"));
const satisfaction = chart(byId("trends-csat"));
const tabs = [...document.querySelectorAll("[data-dimension]")];
let dimension = new URLSearchParams(location.search).get("dimension");
if (!tabs.some((tab) => tab.dataset.dimension === dimension)) dimension = tabs[0].dataset.dimension;

for (const tab of tabs) tab.addEventListener("click", () => show(tab.dataset.dimension));
show(dimension);

async function show(chosen) {
  dimension = chosen;
  for (const tab of tabs) tab.setAttribute("aria-selected", String(tab.dataset.dimension === dimension));
  const query = new URLSearchParams({ dimension, kind: "week", periods: String(PERIODS) });
  byId("trends-csv").href = `/api/v1/trends.csv?${query}`;
  const url = new URL(location.href);
  url.searchParams.set("dimension", dimension);
  history.replaceState(null, "", url);

  const message = byId("trends-message");
  message.textContent = t("common.loading");
  try {
    const rows = camelRows(await getJson(`/api/v1/trends?${query}`))
      .map((r) => ({ ...r, dimensionValue: r.dimensionValue ?? r.value ?? "" }));
    if (chosen !== dimension) return; // another tab was chosen meanwhile
    message.textContent = rows.length === 0 ? t("trends.empty") : "";
    draw(rows);
  } catch (error) {
    message.textContent = t("common.loadError", error.message);
  }
}

function draw(rows) {
  const chronological = [...new Set(rows.map((r) => r.periodStart))].sort();
  const latest = chronological.at(-1);
  // Time runs in the reading direction: right to left in Arabic. (Reversed data rather than an inverse axis,
  // which misplaces ECharts' stacked interval band.)
  const weeks = rtl ? [...chronological].reverse() : chronological;
  const values = rank(rows, latest);
  drawViews(rows, weeks, values.slice(0, SERIES_LIMIT));
  drawTable(rows.filter((r) => r.periodStart === latest), latest);
  drawSatisfaction(rows, weeks, values[0]);
}

// Values by their views in the latest week, then over the eight weeks.
function rank(rows, latest) {
  const totals = new Map();
  for (const r of rows) {
    const [last, all] = totals.get(r.dimensionValue) ?? [0, 0];
    totals.set(r.dimensionValue, [last + (r.periodStart === latest ? r.views : 0), all + r.views]);
  }
  return [...totals.entries()].sort((a, b) => b[1][0] - a[1][0] || b[1][1] - a[1][1]).map(([value]) => value);
}

const axis = (weeks) => ({
  type: "category", data: weeks, boundaryGap: false,
  axisLabel: { formatter: (w) => format.day(w) },
});
const valueAxis = (formatter) => ({ type: "value", position: side.start, axisLabel: { formatter } });

function drawViews(rows, weeks, values) {
  const series = values.map((value, i) => {
    const byWeek = new Map(rows.filter((r) => r.dimensionValue === value).map((r) => [r.periodStart, r]));
    const marks = weeks.map((w) => byWeek.get(w)).filter((r) => r && (r.anomaly === "spike" || r.anomaly === "drop"));
    return {
      type: "line", name: dimensionValueName(dimension, value), symbolSize: 6,
      data: weeks.map((w) => byWeek.get(w)?.views ?? 0),
      markPoint: {
        symbolSize: 16,
        label: { show: false },
        data: marks.map((r) => ({
          name: t(`anomaly.${r.anomaly}`), coord: [r.periodStart, r.views], value: r.views,
          symbol: "triangle", symbolRotate: r.anomaly === "drop" ? 180 : 0, symbolOffset: [0, r.anomaly === "drop" ? 12 : -12],
          itemStyle: { color: r.anomaly === "drop" ? "#b23a48" : "#c17c00" },
        })),
      },
      color: palette[i % palette.length],
    };
  });
  views.setOption(base({
    tooltip: { trigger: "axis", valueFormatter: (v) => format.integer(v) },
    legend: { type: "scroll", top: 0, [side.start]: 0, align: side.start },
    grid: { top: 40, left: 16, right: 16, bottom: 8, containLabel: true },
    xAxis: axis(weeks),
    yAxis: valueAxis((v) => format.integer(v)),
    series,
  }), { notMerge: true });
}

function drawTable(rows, latest) {
  // A week still under way is marked as such: its change is against the same days of the week before.
  const partial = rows.some((r) => r.inProgress);
  byId("trends-week").textContent = !latest ? ""
    : partial ? t("trends.weekOfInProgress", format.longDay(latest)) : t("trends.weekOf", format.longDay(latest));
  const body = byId("trends-table").tBodies[0];
  const sorted = [...rows].sort((a, b) => b.views - a.views);
  replace(body, sorted.map((r) => el("tr", { "data-value": r.dimensionValue, "data-anomaly": r.anomaly },
    el("th", { scope: "row", dir: "auto" }, dimension === "article"
      ? el("a", { href: `/explore/article?${new URLSearchParams({ id: r.dimensionValue, period: "30d" })}` }, dimensionValueName(dimension, r.dimensionValue))
      : dimensionValueName(dimension, r.dimensionValue)),
    el("td", { class: "number" }, format.integer(r.views)),
    el("td", { class: `number change ${trend(r.viewsChange)}`, title: r.inProgress ? t("trends.changeSoFarHint") : null }, format.change(r.viewsChange)),
    el("td", { class: "number" }, format.integer(r.uniqueVisitors)),
    el("td", { class: "number" }, format.integer(r.ratings)),
    el("td", { class: "number" }, r.csat === null || r.csat === undefined ? "—" : format.percent(r.csat),
      r.csatLow !== null && r.csatLow !== undefined
        ? el("span", { class: "interval" }, ` ${t("trends.interval", format.percent(r.csatLow), format.percent(r.csatHigh))}`) : null,
      r.smallSample ? el("span", { class: "badge small-sample", title: t("trends.smallSampleHint") }, t("trends.smallSample")) : null),
    el("td", {}, r.anomaly === "spike" || r.anomaly === "drop"
      ? el("span", { class: `badge anomaly ${r.anomaly}` }, t(`anomaly.${r.anomaly}`))
      : r.inProgress ? el("span", { class: "badge in-progress", title: t("trends.inProgressHint") }, t("trends.inProgress")) : ""))));
  for (const row of body.rows) row.addEventListener("click", () => drawSatisfaction(lastRows, lastWeeks, row.dataset.value));
}

let lastRows = [];
let lastWeeks = [];

// Satisfaction of one value over the weeks: the CSAT line inside its Wilson interval (a band).
function drawSatisfaction(rows, weeks, value) {
  lastRows = rows;
  lastWeeks = weeks;
  byId("trends-csat-title").textContent = value === undefined ? t("trends.csatTitle", "") : t("trends.csatTitle", dimensionValueName(dimension, value));
  const byWeek = new Map(rows.filter((r) => r.dimensionValue === value).map((r) => [r.periodStart, r]));
  const at = (w, key) => byWeek.get(w)?.[key] ?? null;
  satisfaction.setOption(base({
    tooltip: {
      trigger: "axis",
      // One line: the CSAT of the week and its interval (the band's two series are not values to read).
      formatter: (params) => {
        const week = params[0]?.name;
        const csat = at(week, "csat");
        const text = csat === null
          ? t("trends.noRatings")
          : `${t("trends.csat")}: ${format.percent(csat)} ${t("trends.interval", format.percent(at(week, "csatLow")), format.percent(at(week, "csatHigh")))}`;
        return `${escapeText(format.longDay(week))}<br>${escapeText(text)}`;
      },
    },
    grid: { top: 16, left: 16, right: 16, bottom: 8, containLabel: true },
    xAxis: axis(weeks),
    yAxis: { ...valueAxis((v) => format.percent(v)), min: 0, max: 1 },
    series: [
      { type: "line", name: t("trends.intervalLow"), stack: "interval", symbol: "none", lineStyle: { opacity: 0 }, data: weeks.map((w) => at(w, "csatLow")), tooltip: { show: false } },
      {
        type: "line", name: t("trends.interval95"), stack: "interval", symbol: "none", lineStyle: { opacity: 0 },
        areaStyle: { color: "rgba(11, 110, 79, 0.18)" },
        data: weeks.map((w) => (at(w, "csatHigh") === null || at(w, "csatLow") === null ? null : at(w, "csatHigh") - at(w, "csatLow"))),
        tooltip: { show: false },
      },
      { type: "line", name: t("trends.csat"), symbolSize: 7, color: palette[0], data: weeks.map((w) => at(w, "csat")), connectNulls: false },
    ],
  }), { notMerge: true });
}

function trend(change) {
  return change > 0 ? "up" : change < 0 ? "down" : "";
}

// ECharts tooltips are HTML; everything put in them is escaped.
function escapeText(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
