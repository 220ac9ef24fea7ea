// The feedback explorer: every rating, newest first (/api/v1/explore/feedback), filtered and searched; the
// state is the address, "show more" follows the answer's cursor. Readers' comments are only ever set as text
// (dom.js), in their own direction (dir=auto). Staff mark a comment reviewed with the page's antiforgery token.
import { getJson } from "./api.js";
import { byId, el, replace } from "./dom.js";
import { answerName, countryName, dimensionValueName, format, lang, languageName, memberStates, t, topicName, topics } from "./i18n.js";
import { DIMENSIONS, PERIOD_KEYS, bindPeriod, linkTabs, navigate as go, pageState, showPeriod } from "./period.js";

const FORM_KEYS = ["q", "rating", "topic", "member_state", "language", "comments", "review"];
const STATE_KEYS = [...PERIOD_KEYS, ...DIMENSIONS, "q", "rating", "article", "comments", "review"];
const token = document.querySelector('meta[name="request-verification-token"]')?.content ?? "";
const body = byId("feedback-table").tBodies[0];
const more = byId("feedback-more");
let request = 0;
let next = null;

fillOptions();
bindPeriod(navigate);
byId("feedback-form").addEventListener("submit", (event) => {
  event.preventDefault();
  navigate(Object.fromEntries(FORM_KEYS.map((key) => [key, byId(`feedback-${key}`).value.trim()])));
});
for (const key of FORM_KEYS.filter((k) => k !== "q")) {
  byId(`feedback-${key}`).addEventListener("change", () => navigate({ [key]: byId(`feedback-${key}`).value }));
}
more.addEventListener("click", () => load(next));
window.addEventListener("popstate", () => load());
load();

function state() {
  return pageState(STATE_KEYS);
}

function navigate(changes) {
  go(STATE_KEYS, changes, () => load());
}

function fillOptions() {
  const add = (id, entries) => byId(id).append(...entries.map(([value, name]) => el("option", { value }, name)));
  add("feedback-rating", [5, 4, 3, 2, 1].map((r) => [r, answerName(r, 5)]));
  add("feedback-topic", Object.keys(topics).map((code) => [code, topicName(code)]).sort((a, b) => a[1].localeCompare(b[1], lang)));
  add("feedback-member_state", memberStates.map((code) => [code, countryName(code)]).sort((a, b) => a[1].localeCompare(b[1], lang)));
  add("feedback-language", ["ar", "en", "fr"].map((code) => [code, languageName(code)]));
}

/** Draws the first page, or appends the page after `cursor`. */
async function load(cursor = null) {
  const query = state();
  const mine = ++request;
  for (const key of FORM_KEYS) byId(`feedback-${key}`).value = query.get(key) ?? "";
  byId("feedback-csv").href = `/api/v1/explore/feedback.csv?${query}`;
  linkTabs(query);
  drawFilters(query);
  const message = byId("feedback-message");
  message.textContent = t("common.loading");
  const asked = new URLSearchParams(query);
  if (cursor) asked.set("before", cursor);
  try {
    const page = await getJson(`/api/v1/explore/feedback?${asked}`);
    if (mine !== request) return; // a newer state was chosen meanwhile
    showPeriod(page.period, false);
    byId("feedback-count").textContent = t("feedback.count", format.integer(page.total));
    message.textContent = page.total === 0 ? t("feedback.empty") : "";
    const rows = page.items.map((item) => row(item, query));
    if (cursor) body.append(...rows);
    else replace(body, rows);
    next = page.next;
    more.hidden = !next;
  } catch (error) {
    if (mine === request) message.textContent = t("common.loadError", error.message);
  }
}

/** The filters that have no control of their own (chosen on the overview or the article page), removable. */
function drawFilters(query) {
  const keys = [...DIMENSIONS.filter((d) => !FORM_KEYS.includes(d)), "article"].filter((k) => query.get(k));
  const chips = keys.map((key) => {
    const name = key === "article" ? `${t("feedback.article")}: ${query.get(key)}` : `${t(`dimension.${key}`)}: ${dimensionValueName(key, query.get(key))}`;
    const chip = el("button", { type: "button", class: "filter-chip", "data-filter": key, "aria-label": t("explore.removeFilter", name) }, name);
    chip.addEventListener("click", () => navigate({ [key]: null }));
    return chip;
  });
  replace(byId("explore-filters"), chips.length ? chips : el("span", { class: "note" }, t("explore.noFilter")));
}

function row(item, query) {
  // The title in the reader's language of the page; the version rated is named beside it.
  const title = item.article ? item.article[lang] || item.article[item.language] || item.article.en || item.article.ar || item.article.fr : item.articleId;
  const articleLink = new URLSearchParams({ id: item.articleId });
  for (const key of PERIOD_KEYS) if (query.get(key)) articleLink.set(key, query.get(key));
  return el("tr", { "data-id": item.id },
    el("td", { class: "time" }, el("time", { datetime: item.time }, format.dateTime(item.time))),
    el("td", { class: `answer rating-${item.rating}` }, answerName(item.rating, item.scale)),
    el("td", { class: "comment", dir: "auto" }, item.comment || el("span", { class: "note" }, t("feedback.noComment"))),
    el("td", { class: "article" },
      el("a", { href: `/explore/article?${articleLink}`, dir: "auto" }, title),
      el("span", { class: "note" }, ` · ${languageName(item.language)} · ${topicName(item.topic)}`)),
    el("td", {}, countryName(item.country)),
    reviewCell(item));
}

function reviewCell(item) {
  const cell = el("td", { class: "review" });
  drawReview(cell, item);
  return cell;
}

function drawReview(cell, item) {
  if (!item.comment) {
    replace(cell);
    return;
  }
  const reviewed = item.review !== null && item.review !== undefined;
  const button = el("button", { type: "button", class: "button small", "aria-pressed": String(reviewed) },
    reviewed ? t("feedback.unmark") : t("feedback.markReviewed"));
  button.addEventListener("click", () => mark(cell, item, !reviewed, button));
  replace(cell,
    reviewed ? el("span", { class: "reviewed-by" }, t("feedback.reviewedBy", item.review.by, format.dateTime(item.review.at))) : null,
    button);
}

async function mark(cell, item, reviewed, button) {
  button.disabled = true;
  try {
    const response = await fetch(`/api/v1/explore/feedback/${item.id}/review`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", RequestVerificationToken: token },
      body: JSON.stringify({ reviewed }),
    });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
    const answer = await response.json();
    drawReview(cell, { ...item, review: answer.reviewed ? { by: answer.by, at: answer.at } : null });
  } catch (error) {
    button.disabled = false;
    byId("feedback-message").textContent = t("feedback.reviewError", error.message);
  }
}
