// Bundles the pages' ES modules into ../wwwroot/dist (build output, not in git); run by the Dashboard's
// build (ClientApp.targets) through `npm run build`. Entry points keep fixed names for the Razor pages;
// shared chunks (ECharts, the i18n helpers) carry a content hash.
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const outdir = fileURLToPath(new URL("../wwwroot/dist/", import.meta.url));
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: { live: "src/live.js", trends: "src/trends.js", explore: "src/explore.js", feedback: "src/feedback.js", article: "src/article.js", reports: "src/reports.js" },
  absWorkingDir: fileURLToPath(new URL(".", import.meta.url)),
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  target: ["es2022"],
  minify: true,
  sourcemap: "linked",
  chunkNames: "chunks/[name]-[hash]",
  legalComments: "linked",
  logLevel: "warning",
});
