// Sparklines as inline SVG: a dozen small charts refreshed every second are cheaper as one <polyline>
// each than as chart instances. Time runs in the reading direction (flipped in css for rtl pages).
import { svg } from "./dom.js";

const width = 120;
const height = 32;

/** One value per minute for the `minutes` minutes ending at `at`; missing minutes are 0. */
export function perMinute(points, at, minutes = 60) {
  const end = Math.floor(new Date(at).getTime() / 60000);
  const values = new Array(minutes).fill(0);
  for (const point of points ?? []) {
    const index = minutes - 1 - (end - Math.floor(new Date(point.minute).getTime() / 60000));
    if (index >= 0 && index < minutes) values[index] += point.views;
  }
  return values;
}

/** An <svg> drawing `values`, scaled to their maximum (a flat line at the bottom when all are 0). */
export function sparkline(values, label) {
  const max = Math.max(1, ...values);
  const step = width / Math.max(1, values.length - 1);
  const coordinates = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`);
  const chart = svg("svg", { class: "sparkline", viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: "none", role: "img", "aria-label": label });
  chart.append(
    svg("polygon", { class: "sparkline-area", points: `0,${height} ${coordinates.join(" ")} ${width},${height}` }),
    svg("polyline", { class: "sparkline-line", points: coordinates.join(" ") }),
  );
  return chart;
}
