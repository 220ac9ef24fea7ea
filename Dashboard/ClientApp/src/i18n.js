// The page's language, its labels and the names of codes, as the server rendered them into
// <script type="application/json" id="dashboard-config"> (Localization/DashboardText.cs), and
// numbers and dates formatted per culture with Intl.
import countries from "i18n-iso-countries";
import ar from "i18n-iso-countries/langs/ar.json";
import en from "i18n-iso-countries/langs/en.json";
import fr from "i18n-iso-countries/langs/fr.json";

countries.registerLocale(ar);
countries.registerLocale(en);
countries.registerLocale(fr);

const config = JSON.parse(document.getElementById("dashboard-config")?.textContent ?? "{}");

/** `ar`, `en` or `fr`. */
export const lang = config.lang ?? "en";
/** The culture numbers and dates are written in (ar-MA: Western digits, Gregorian calendar). */
export const locale = config.locale ?? "en-GB";
export const rtl = config.dir === "rtl";
/** Topic code → name in the page's language. */
export const topics = config.topics ?? {};
/** ISO 3166-1 alpha-2 codes of the member states, in the order of the reference data. */
export const memberStates = config.memberStates ?? [];

const text = config.text ?? {};

/** The label `key`, with `{0}`, `{1}`… replaced by `args`; the key itself if it has no label. */
export function t(key, ...args) {
  const template = text[key] ?? key;
  return args.length === 0 ? template : template.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ""));
}

const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
const signedPercent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0, signDisplay: "exceptZero" });
const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const shortTime = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" });
const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
const longDay = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
const list = new Intl.ListFormat(locale, { style: "short", type: "unit" });
const bytes = new Intl.NumberFormat(locale, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 });

export const format = {
  integer: (n) => (n === null || n === undefined ? "—" : integer.format(n)),
  percent: (n) => (n === null || n === undefined ? "—" : percent.format(n)),
  change: (n) => (n === null || n === undefined ? "—" : signedPercent.format(n)),
  time: (d) => time.format(new Date(d)),
  shortTime: (d) => shortTime.format(new Date(d)),
  /** A calendar date (`2026-03-02`), shown as that day whatever the browser's time zone. */
  day: (d) => day.format(calendarDate(d)),
  longDay: (d) => longDay.format(calendarDate(d)),
  dateTime: (d) => dateTime.format(new Date(d)),
  list: (items) => list.format(items),
  kilobytes: (n) => bytes.format(Math.max(1, Math.round(n / 1024))),
};

function calendarDate(d) {
  return typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(`${d}T00:00:00Z`) : new Date(d);
}

/** A country's (or member state's) name in the page's language; the code when unknown. */
export function countryName(code) {
  if (!code) return t("common.unknown");
  return countries.getName(code, lang, { select: "official" }) ?? countries.getName(code, "en") ?? code;
}

/** A topic's name in the page's language. */
export function topicName(code) {
  if (!code || code === "unknown") return t("common.unknown");
  return topics[code] ?? code;
}

/** A language's name (`ar`, `en`, `fr`) in the page's language. */
export function languageName(code) {
  return text[`language.${code}`] ?? (code || t("common.unknown"));
}

/** An answer of the satisfaction widget by its label (five answers), else "rating / scale". */
export function answerName(rating, scale) {
  if (scale === 5 && rating >= 1 && rating <= 5) return t(`answer.${rating}`);
  return `${integer.format(rating)} / ${integer.format(scale)}`;
}

/** A value of a trends dimension, named for people. */
export function dimensionValueName(dimension, value) {
  switch (dimension) {
    case "topic": return topicName(value);
    case "member_state":
    case "country": return countryName(value);
    case "language": return languageName(value);
    case "device": return text[`device.${value}`] ?? (value || t("common.unknown"));
    case "source": return value === "direct" ? t("source.direct") : value || t("common.unknown");
    default: return value || t("common.unknown");
  }
}
