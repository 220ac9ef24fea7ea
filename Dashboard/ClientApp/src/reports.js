// The reports page: the weekly reports the Jobs rendered (GET /api/v1/reports), one row per ISO week with
// each language's HTML (read here, in a sandboxed frame) and PDF (downloaded).
import { camelRows, getJson } from "./api.js";
import { byId, el, replace } from "./dom.js";
import { format, lang, languageName, t } from "./i18n.js";

const LANGUAGES = ["ar", "en", "fr"];
const message = byId("reports-message");
const body = byId("reports-table").tBodies[0];
const viewer = byId("report-viewer");
const frame = byId("report-frame");

load();

async function load() {
  message.textContent = t("common.loading");
  try {
    const files = camelRows(await getJson("/api/v1/reports"));
    message.textContent = files.length === 0 ? t("reports.empty") : "";
    draw(files);
  } catch (error) {
    message.textContent = t("common.loadError", error.message);
  }
}

function draw(files) {
  const weeks = new Map();
  for (const file of files) {
    const week = weeks.get(file.week) ?? { week: file.week, weekStart: file.weekStart, files: new Map() };
    week.files.set(`${file.language}.${file.format}`, file);
    weeks.set(file.week, week);
  }
  const sorted = [...weeks.values()].sort((a, b) => (a.week < b.week ? 1 : -1));
  replace(body, sorted.map((week) => el("tr", { "data-week": week.week },
    el("th", { scope: "row" },
      el("bdi", { class: "week-id" }, week.week),
      el("span", { class: "week-start" }, week.weekStart ? t("reports.from", format.longDay(week.weekStart)) : "")),
    // The page's language first: it is the one most readers here want.
    ...[lang, ...LANGUAGES.filter((l) => l !== lang)].map((language) => el("td", {}, links(week, language))),
    el("td", {}, generatedAt(week)))));
}

function links(week, language) {
  const html = week.files.get(`${language}.html`);
  const pdf = week.files.get(`${language}.pdf`);
  if (!html && !pdf) return "—";
  const base = `/api/v1/reports/${encodeURIComponent(week.week)}/${language}`;
  const name = languageName(language);
  return el("span", { class: "report-links", lang: language },
    html ? el("a", { href: `${base}.html`, class: "read", "data-language": language, "aria-label": t("reports.readIn", name, week.week) }, t("reports.read")) : null,
    pdf ? el("a", { href: `${base}.pdf`, class: "pdf", download: "", "data-language": language, "aria-label": t("reports.pdfIn", name, week.week) }, t("reports.pdf")) : null,
    pdf ? el("span", { class: "file-detail" },
      [pdf.pages ? t("reports.pages", format.integer(pdf.pages)) : null, format.kilobytes(pdf.sizeBytes ?? 0)].filter(Boolean).join(" · ")) : null);
}

function generatedAt(week) {
  const times = [...week.files.values()].map((f) => f.generatedAt).filter(Boolean).sort();
  return times.length ? el("time", { datetime: times.at(-1) }, format.dateTime(times.at(-1))) : "";
}

// Reading a report: inside the page, in a frame that runs no script (the report is a document, not an app).
body.addEventListener("click", (event) => {
  const link = event.target.closest("a.read");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  frame.src = link.href;
  frame.title = link.getAttribute("aria-label");
  byId("report-open").href = link.href;
  byId("report-title").textContent = link.getAttribute("aria-label");
  viewer.hidden = false;
  viewer.scrollIntoView({ behavior: "smooth", block: "start" });
});
byId("report-close").addEventListener("click", () => {
  viewer.hidden = true;
  frame.removeAttribute("src");
});
