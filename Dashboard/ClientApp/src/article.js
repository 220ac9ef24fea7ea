// The article page: one story as one thing across its ar/en/fr versions (/api/v1/explore/article), found by
// its title in any language (/articles), with its latest comments (/feedback). The state is the address: id
// (any version's article id) and the period.
import { getJson } from "./api.js";
import { base, chart, palette, side } from "./charts.js";
import { byId, el, replace, setFigure } from "./dom.js";
import { answerName, countryName, dimensionValueName, format, lang, languageName, memberStates, rtl, t, topicName } from "./i18n.js";
import { PERIOD_KEYS, bindPeriod, linkTabs, navigate as go, pageState, showPeriod, trend } from "./period.js";

const STATE_KEYS = ["id", ...PERIOD_KEYS];
const series = chart(byId("article-series"));
let request = 0;

bindPeriod(navigate);
byId("article-find").addEventListener("submit", (event) => {
  event.preventDefault();
  find(byId("article-q").value.trim());
});
window.addEventListener("popstate", () => load());
load();

function state() {
  return pageState(STATE_KEYS);
}

function navigate(changes) {
  go(STATE_KEYS, changes, load);
}

/** The title in the page's language, else in the version's own, else any. */
function titleOf(titles, language) {
  return titles[lang] || titles[language] || titles.en || titles.ar || titles.fr || "";
}

async function find(q) {
  const list = byId("article-matches");
  if (!q) return;
  try {
    const matches = await getJson(`/api/v1/explore/articles?q=${encodeURIComponent(q)}`);
    if (matches.length === 0) {
      replace(list, el("li", { class: "note" }, t("article.noMatch")));
      return;
    }
    replace(list, matches.map((m) => {
      const link = el("a", { href: `?id=${encodeURIComponent(m.id)}`, dir: "auto" }, titleOf(m.titles, m.titles.language));
      link.addEventListener("click", (event) => {
        event.preventDefault();
        replace(list);
        navigate({ id: m.id });
      });
      return el("li", {}, link);
    }));
  } catch (error) {
    replace(list, el("li", { class: "notice" }, t("common.loadError", error.message)));
  }
}

async function load() {
  const query = state();
  const mine = ++request;
  const message = byId("article-message");
  linkTabs(query);
  const id = query.get("id");
  byId("article-body").hidden = !id;
  if (!id) {
    byId("article-title").textContent = t("article.title");
    message.textContent = t("article.choose");
    return;
  }
  message.textContent = t("common.loading");
  const comments = new URLSearchParams(query);
  comments.delete("id");
  comments.set("article", id);
  comments.set("comments", "with");
  byId("article-all-comments").href = `/explore/feedback?${comments}`;
  try {
    const [report, feedback] = await Promise.all([
      getJson(`/api/v1/explore/article?${query}`),
      getJson(`/api/v1/explore/feedback?${comments}&limit=10`),
    ]);
    if (mine !== request) return;
    message.textContent = "";
    draw(report, feedback);
  } catch (error) {
    if (mine !== request) return;
    byId("article-body").hidden = error.message.startsWith("404");
    message.textContent = error.message.startsWith("404") ? t("article.unknown") : t("common.loadError", error.message);
  }
}

function draw(report, feedback) {
  const first = report.versions[0];
  byId("article-title").textContent = first ? titleOf(first.titles, first.language) : state().get("id");
  document.title = byId("article-title").textContent;
  showPeriod(report.period);
  byId("article-about").textContent = [
    topicName(report.topic),
    report.memberStates.length ? `${t("article.memberStates")}: ${format.list(report.memberStates.map(countryName))}` : null,
  ].filter(Boolean).join(" · ");
  drawFigures(report.totals);
  drawVersions(report.versions);
  drawSeries(report.series, report.versions);
  drawAudience("article-countries", report.countries, (value) => [
    countryName(value === "unknown" ? "" : value),
    memberStates.includes(value) ? el("span", { class: "badge" }, t("article.memberState")) : null,
  ]);
  drawAudience("article-sources", report.sources, (value) => dimensionValueName("source", value));
  drawRatings(report.ratings);
  drawComments(feedback.items);
}

function drawFigures(totals) {
  const { current, previous } = totals;
  const card = (key) => document.querySelector(`#article-figures [data-figure="${key}"]`);
  const counted = (key, value, change, before) => {
    setFigure(card(key).querySelector(".value"), format.integer(value), value);
    replace(card(key).querySelector(".detail"),
      change === null || change === undefined ? null : el("span", { class: `change ${trend(change)}` }, `${format.change(change)} `),
      t("explore.previous", format.integer(before)));
  };
  counted("views", current.views, totals.viewsChange, previous.views);
  counted("visitors", current.visitors, totals.visitorsChange, previous.visitors);
  counted("ratings", current.ratings, totals.ratingsChange, previous.ratings);
  setFigure(card("csat").querySelector(".value"), format.percent(current.csat), current.csat ?? "");
  replace(card("csat").querySelector(".detail"),
    current.csatLow === null ? null : t("trends.interval", format.percent(current.csatLow), format.percent(current.csatHigh)),
    current.ratings > 0 && current.smallSample ? el("span", { class: "badge small-sample", title: t("trends.smallSampleHint") }, t("trends.smallSample")) : null);
}

function drawVersions(versions) {
  replace(byId("article-versions").tBodies[0], versions.map((v) => el("tr", { "data-version": v.language },
    el("th", { scope: "row" }, languageName(v.language)),
    el("td", {}, v.url ? el("a", { href: v.url, dir: "auto", rel: "noopener", target: "_blank" }, v.titles[v.language] || v.id) : v.id),
    el("td", { class: "number views" }, format.integer(v.current.views)),
    el("td", { class: `number change ${trend(v.viewsChange)}` }, format.change(v.viewsChange)),
    el("td", { class: "number" }, format.integer(v.current.visitors)),
    el("td", { class: "number" }, format.integer(v.current.ratings)),
    el("td", { class: "number" }, format.percent(v.current.csat)))));
}

function drawSeries(points, versions) {
  const ordered = rtl ? [...points].reverse() : points;
  const hourly = points.length > 0 && points[0].label.length > 10;
  const label = (l) => (hourly ? `${format.day(l.slice(0, 10))} ${l.slice(11)}` : format.day(l.slice(0, 10)));
  series.setOption(base({
    tooltip: { trigger: "axis", valueFormatter: (v) => format.integer(v) },
    legend: { top: 0, [side.start]: 0, align: side.start },
    grid: { top: 40, left: 16, right: 16, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: ordered.map((p) => p.label), boundaryGap: false, axisLabel: { formatter: label } },
    yAxis: { type: "value", position: side.start, minInterval: 1, axisLabel: { formatter: (v) => format.integer(v) } },
    series: versions.map((v, i) => ({
      type: "line", name: languageName(v.language), data: ordered.map((p) => p.views[v.id] ?? 0), color: palette[i], symbolSize: 5,
    })),
  }), { notMerge: true });
}

function drawAudience(id, rows, name) {
  const body = byId(id).tBodies[0];
  if (rows.length === 0) {
    replace(body, el("tr", {}, el("td", { colspan: 3, class: "empty" }, t("explore.empty"))));
    return;
  }
  replace(body, rows.map((r) => el("tr", { "data-value": r.value },
    el("th", { scope: "row", dir: "auto" }, name(r.value)),
    el("td", { class: "number views" }, format.integer(r.views)),
    el("td", { class: "number" }, format.integer(r.ratings)))));
}

function drawRatings(ratings) {
  const total = ratings.reduce((sum, r) => sum + r.count, 0);
  const body = byId("article-ratings").tBodies[0];
  if (total === 0) {
    replace(body, el("tr", {}, el("td", { colspan: 3, class: "empty" }, t("explore.empty"))));
    return;
  }
  // The best answer first, as the widget lists them.
  replace(body, [...ratings].sort((a, b) => b.rating / b.scale - a.rating / a.scale).map((r) => el("tr", { "data-rating": r.rating },
    el("th", { scope: "row" }, answerName(r.rating, r.scale)),
    el("td", { class: "number" }, format.integer(r.count)),
    el("td", { class: "bar-cell" }, el("span", { class: "bar", style: `inline-size: ${Math.round((100 * r.count) / total)}%` }), ` ${format.percent(r.count / total)}`))));
}

function drawComments(items) {
  const list = byId("article-comments");
  if (items.length === 0) {
    replace(list, el("li", { class: "note" }, t("article.noComments")));
    return;
  }
  replace(list, items.map((item) => el("li", { "data-id": item.id },
    el("p", { class: "comment", dir: "auto" }, item.comment),
    el("p", { class: "note" }, `${answerName(item.rating, item.scale)} · ${languageName(item.language)} · ${countryName(item.country)} · ${format.dateTime(item.time)}`))));
}
