// The world map of the live page: Natural Earth 1:110m countries (world-atlas, bundled: no request at
// run time), member states shaded by their views of the last hour, other countries grey.
import { feature, merge } from "topojson-client";
import countries from "i18n-iso-countries";
import world from "world-atlas/countries-110m.json";
import { base, chart, echarts, side } from "./charts.js";
import { countryName, format, memberStates, t } from "./i18n.js";

// ICESCO's headquarters and Morocco draw Western Sahara (732) as part of Morocco (504): merged here,
// so the map shows no border between them.
const MERGED_INTO = { 732: "504" };

// Member states too small for the 1:110m map, drawn as points (longitude, latitude).
const SMALL_STATES = { BH: [50.55, 26.07], KM: [43.87, -11.88], MV: [73.5, 4.17] };

function worldGeoJson() {
  const geometries = world.objects.countries.geometries;
  const features = [];
  for (const geometry of geometries) {
    if (MERGED_INTO[geometry.id] || geometry.id === undefined) continue;
    const merged = geometries.filter((g) => g === geometry || MERGED_INTO[g.id] === geometry.id);
    const shape = merged.length > 1
      ? { type: "Feature", geometry: merge(world, merged) }
      : feature(world, geometry);
    features.push({ type: "Feature", geometry: shape.geometry, properties: { name: countries.numericToAlpha2(geometry.id) ?? geometry.id } });
  }
  // Countries without an ISO code in Natural Earth (Kosovo, Northern Cyprus, Somaliland) are drawn unnamed.
  for (const geometry of geometries.filter((g) => g.id === undefined)) {
    features.push({ type: "Feature", geometry: feature(world, geometry).geometry, properties: { name: "" } });
  }
  return { type: "FeatureCollection", features };
}

echarts.registerMap("world", worldGeoJson());

const members = new Set(memberStates);

/** Draws the map in `container`; returns a function that shades it with `[{ code, views }]`. */
export function worldMap(container) {
  const instance = chart(container);
  const tooltip = (params) => {
    if (!params.name) return "";
    const views = Array.isArray(params.value) ? params.value[2] : params.value;
    const name = countryName(params.name);
    return members.has(params.name) || Number.isFinite(views) ? `${escapeText(name)}<br>${escapeText(t("live.viewsCount", format.integer(Number.isFinite(views) ? views : 0)))}` : escapeText(name);
  };
  instance.setOption(base({
    tooltip: { trigger: "item", formatter: tooltip },
    visualMap: {
      min: 0, max: 1, [side.start]: 8, bottom: 8, calculable: false, itemHeight: 80, itemWidth: 10,
      inRange: { color: ["#d9efe5", "#0b6e4f"] }, text: [t("live.mapMore"), t("live.mapFewer")], textStyle: { fontSize: 11 },
      seriesIndex: [0, 1], formatter: (v) => format.integer(v),
    },
    geo: {
      map: "world", roam: false, top: 8, bottom: 8, left: 8, right: 8,
      itemStyle: { areaColor: "#eceeed", borderColor: "#ffffff", borderWidth: 0.5 },
      emphasis: { itemStyle: { areaColor: "#c17c00" }, label: { show: false } },
      regions: [],
    },
    series: [
      { type: "map", geoIndex: 0, data: [] },
      { type: "scatter", coordinateSystem: "geo", symbolSize: 9, itemStyle: { borderColor: "#ffffff", borderWidth: 1 }, data: [] },
    ],
  }));

  return (states) => {
    const views = new Map(states.map((s) => [s.code, s.views]));
    const max = Math.max(1, ...views.values());
    const value = (code) => views.get(code) ?? 0;
    instance.setOption({
      visualMap: { max },
      series: [
        // Member states, and any other state the data names (a state whose membership is uncertain).
        { data: [...new Set([...memberStates, ...views.keys()])].filter((c) => !SMALL_STATES[c]).map((code) => ({ name: code, value: value(code) })) },
        { data: Object.entries(SMALL_STATES).map(([code, at]) => ({ name: code, value: [...at, value(code)] })) },
      ],
    });
  };
}

// ECharts tooltips are HTML: country names come from the bundled table, but are escaped all the same.
function escapeText(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
