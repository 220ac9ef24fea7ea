// ECharts with only the chart kinds the pages draw (the full build is three times the size), and one
// place that sizes charts with their container and reads the page's colours and direction.
import * as echarts from "echarts/core";
import { GaugeChart, LineChart, MapChart, ScatterChart } from "echarts/charts";
import {
  GeoComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkPointComponent, TooltipComponent, VisualMapComponent,
} from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { rtl } from "./i18n.js";

echarts.use([
  GaugeChart, LineChart, MapChart, ScatterChart,
  GeoComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkPointComponent, TooltipComponent, VisualMapComponent,
  SVGRenderer,
]);

export { echarts };

/** Colours of the page (css/site.css), so charts follow its palette. */
export const palette = ["#0b6e4f", "#c17c00", "#2f5da8", "#a23b72", "#5b8c00", "#8a4b08", "#007c91", "#6d4fa3", "#b23a48", "#4a5a52"];

const font = "'Noto Sans', 'Noto Sans Arabic', system-ui, sans-serif";

/** A chart in `container`, resized with it. SVG: crisp at any zoom, and text stays text for screen readers. */
export function chart(container) {
  const instance = echarts.init(container, null, { renderer: "svg", locale: "EN" });
  new ResizeObserver(() => instance.resize()).observe(container);
  return instance;
}

/** Options every chart shares: the font, the palette, the legend on the reading side. */
export function base(options) {
  return {
    color: palette,
    textStyle: { fontFamily: font },
    // Live charts redraw every second: motion would never settle (and screenshots would catch it mid-way).
    animation: false,
    ...options,
  };
}

/** Start and end sides for positioning, flipped in right-to-left pages. */
export const side = rtl ? { start: "right", end: "left" } : { start: "left", end: "right" };
