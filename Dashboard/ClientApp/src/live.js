// The live page: one SignalR connection to /hubs/engagement (docs/decisions/0015), subscribed to the
// filter of the chips; the hub answers with a Snapshot at once, then an Update and new Ratings per tick.
import * as signalR from "@microsoft/signalr";
import { base, chart } from "./charts.js";
import { byId, el, replace, setFigure } from "./dom.js";
import { answerName, countryName, format, languageName, memberStates, t, topicName, topics } from "./i18n.js";
import { worldMap } from "./map.js";
import { perMinute, sparkline } from "./sparkline.js";

const FILTER = /^(all|topic:[a-z0-9_-]{1,64}|member_state:[A-Z]{2}|language:(ar|en|fr))$/;
const FEED_LIMIT = 50;

const page = byId("live");
const statusNode = byId("live-status");
const feed = byId("ratings-feed");
const drawMap = worldMap(byId("live-map"));
const gauge = chart(byId("csat-gauge"));
let filter = initialFilter();

const connection = new signalR.HubConnectionBuilder()
  .withUrl(page.dataset.hub ?? "/hubs/engagement")
  .withAutomaticReconnect({
    // Forever, backing off to 30 s; but a refused session (401) will not come back by retrying.
    nextRetryDelayInMilliseconds: (context) =>
      context.retryReason?.statusCode === 401 ? null : Math.min(30000, 500 * 2 ** Math.min(context.previousRetryCount, 6)),
  })
  .configureLogging(signalR.LogLevel.Warning)
  .build();

connection.on("Snapshot", render);
connection.on("Update", render);
connection.on("Ratings", addRatings);
connection.onreconnecting(() => setStatus("reconnecting"));
// A new connection belongs to no group: subscribe again, and the Snapshot makes the page complete.
connection.onreconnected(() => subscribe());
connection.onclose((error) => (error?.statusCode === 401 ? signedOut() : start()));

setupFilters();
drawGauge(null);
start();

async function start() {
  setStatus("connecting");
  for (let attempt = 0; ; attempt++) {
    try {
      await connection.start();
      await subscribe();
      return;
    } catch (error) {
      if (error?.statusCode === 401) return signedOut();
      setStatus("offline");
      await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 1000 * 2 ** Math.min(attempt, 5))));
    }
  }
}

async function subscribe() {
  try {
    await connection.invoke("Subscribe", filter);
    setStatus("live");
  } catch (error) {
    setStatus("error", error?.message);
  }
}

function setStatus(state, detail) {
  statusNode.dataset.state = state;
  statusNode.textContent = detail ? `${t(`live.status.${state}`)} (${detail})` : t(`live.status.${state}`);
}

function signedOut() {
  setStatus("signedOut");
  const back = encodeURIComponent(location.pathname + location.search);
  location.assign(`/account/sign-in?returnUrl=${back}`);
}

// Filters: chips for all, each topic and each language, a list for the 53 member states.
function initialFilter() {
  const asked = new URLSearchParams(location.search).get("filter");
  return asked && FILTER.test(asked) ? asked : "all";
}

function setupFilters() {
  const chips = [...document.querySelectorAll("[data-filter]")];
  const states = byId("filter-member-state");
  const show = () => {
    for (const chip of chips) chip.setAttribute("aria-pressed", String(chip.dataset.filter === filter));
    states.value = filter.startsWith("member_state:") ? filter : "";
    states.classList.toggle("selected", states.value !== "");
  };
  const choose = (value) => {
    if (!FILTER.test(value) || value === filter) return;
    filter = value;
    const url = new URL(location.href);
    if (value === "all") url.searchParams.delete("filter");
    else url.searchParams.set("filter", value);
    history.replaceState(null, "", url);
    show();
    // The feed shows the ratings of one filter: start it again for the new one.
    replace(feed, el("li", { class: "empty" }, t("live.feedEmpty")));
    if (connection.state === signalR.HubConnectionState.Connected) subscribe();
  };
  for (const chip of chips) chip.addEventListener("click", () => choose(chip.dataset.filter));
  states.addEventListener("change", () => choose(states.value || "all"));
  show();
}

// State: Snapshot and Update carry the same shape.
function render(state) {
  if (state.filter !== filter) return; // a tick of the previous group, sent before the move
  const at = state.at;
  const byTopic = state.viewsPerMinute?.byTopic ?? [];
  const lastHour = byTopic.reduce((sum, s) => sum + s.points.reduce((n, p) => n + p.views, 0), 0);
  const lastMinute = byTopic.reduce((sum, s) => sum + (perMinute(s.points, at).at(-1) ?? 0), 0);

  setFigure(byId("active-visitors"), format.integer(state.activeVisitors ?? 0), state.activeVisitors ?? 0);
  setFigure(byId("views-last-hour"), format.integer(lastHour), lastHour);
  setFigure(byId("views-last-minute"), format.integer(lastMinute), lastMinute);
  setFigure(byId("ratings-last-hour"), format.integer(state.csat?.ratings ?? 0), state.csat?.ratings ?? 0);
  const updated = byId("live-updated");
  updated.dateTime = new Date(at).toISOString();
  updated.textContent = t("live.updatedAt", format.time(at));

  renderTopics(byTopic, at);
  renderMemberStates(state.memberStates ?? [], state.viewsPerMinute?.byMemberState ?? [], at);
  renderArticles(state.topArticles ?? []);
  drawGauge(state.csat);
  page.dataset.ready = "true";
}

function renderTopics(series, at) {
  const byKey = new Map(series.map((s) => [s.key, s.points]));
  const keys = filter.startsWith("topic:")
    ? [filter.slice("topic:".length)]
    : [...Object.keys(topics), ...series.map((s) => s.key).filter((k) => !(k in topics))];
  replace(byId("topic-sparklines"), keys.map((key) => {
    const values = perMinute(byKey.get(key), at);
    const total = values.reduce((a, b) => a + b, 0);
    return el("li", { "data-topic": key },
      el("span", { class: "name" }, topicName(key)),
      sparkline(values, t("live.sparklineLabel", topicName(key))),
      el("span", { class: "figure", "data-value": total }, format.integer(total)));
  }));
}

function renderMemberStates(states, series, at) {
  drawMap(states);
  const byKey = new Map(series.map((s) => [s.key, s.points]));
  const ranked = states.filter((s) => s.views > 0).sort((a, b) => b.views - a.views).slice(0, 8);
  const list = byId("member-state-list");
  if (ranked.length === 0) return replace(list, el("li", { class: "empty" }, t("live.noViews")));
  replace(list, ranked.map((s) => el("li", { "data-member-state": s.code },
    el("span", { class: "name" }, countryName(s.code)),
    sparkline(perMinute(byKey.get(s.code), at), t("live.sparklineLabel", countryName(s.code))),
    el("span", { class: "figure", "data-value": s.views }, format.integer(s.views)))));
}

function renderArticles(articles) {
  const list = byId("top-articles");
  if (articles.length === 0) return replace(list, el("li", { class: "empty" }, t("live.noViews")));
  replace(list, articles.map((a) => el("li", { "data-article": a.article },
    el("a", { class: "title", dir: "auto", href: articlePage(a.article) }, a.title || a.article),
    el("span", { class: "figure", "data-value": a.views }, format.integer(a.views)))));
}

/** The Explore page of an article's story (all its language versions), over the last 7 days. */
function articlePage(article) {
  return `/explore/article?${new URLSearchParams({ id: article, period: "7d" })}`;
}

function drawGauge(csat) {
  gauge.setOption(base({
    series: [{
      type: "gauge", min: 0, max: 1, startAngle: 200, endAngle: -20, radius: "95%", center: ["50%", "60%"],
      progress: { show: true, width: 14, itemStyle: { color: "#0b6e4f" } },
      axisLine: { lineStyle: { width: 14, color: [[1, "#e3e8e5"]] } },
      axisTick: { show: false }, splitLine: { show: false }, pointer: { show: false },
      axisLabel: { distance: -34, fontSize: 10, formatter: (v) => (v === 0 || v === 0.5 || v === 1 ? format.percent(v) : "") },
      detail: { offsetCenter: [0, "-5%"], fontSize: 26, fontWeight: 600, formatter: () => (csat ? format.percent(csat.value) : "—") },
      data: [{ value: csat?.value ?? 0 }],
    }],
  }));
  const detail = byId("csat-detail");
  detail.textContent = csat
    ? t("live.csatInterval", format.percent(csat.low), format.percent(csat.high), format.integer(csat.ratings))
    : t("live.csatNone");
  detail.dataset.value = csat ? String(csat.value) : "";
}

// Ratings: newest first. Titles and comments are readers' and editors' words: text, never HTML.
function addRatings(ratings) {
  if (!Array.isArray(ratings) || ratings.length === 0) return;
  feed.querySelector(".empty")?.remove();
  const items = [...ratings].sort((a, b) => new Date(b.at) - new Date(a.at)).map(ratingItem);
  feed.prepend(...items);
  while (feed.children.length > FEED_LIMIT) feed.lastElementChild.remove();
}

function ratingItem(r) {
  const share = r.scale > 1 ? (r.rating - 1) / (r.scale - 1) : 0;
  const mood = share >= 0.6 ? "good" : share <= 0.4 ? "poor" : "neutral";
  const places = format.list((r.memberStates ?? []).map(countryName));
  return el("li", { class: `rating ${mood}`, "data-article": r.article, "data-id": r.id },
    el("div", { class: "rating-head" },
      el("span", { class: "answer", "data-rating": r.rating, "data-scale": r.scale }, answerName(r.rating, r.scale)),
      el("time", { datetime: new Date(r.at).toISOString() }, format.shortTime(r.at))),
    el("a", { class: "rating-article", dir: "auto", href: articlePage(r.article) }, r.title || r.article),
    el("div", { class: "rating-meta" },
      [topicName(r.topic), places, languageName(r.language)].filter(Boolean).join(" · ")),
    r.comment ? el("p", { class: "comment", dir: "auto" }, r.comment) : null);
}
