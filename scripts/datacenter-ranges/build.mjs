// Writes Collector/Data/datacenter-ranges.csv: every IPv4 and IPv6 range of the AS numbers in asns.txt,
// from @ip-location-db/asn (Route Views and DB-IP data, CC BY 4.0). Columns: first,last,asn,name.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = new Set(readFileSync(join(here, "asns.txt"), "utf8").split("\n")
  .map(line => line.replace(/#.*/, "").trim()).filter(Boolean).map(Number));
const source = join(here, "node_modules/@ip-location-db/asn");
const version = JSON.parse(readFileSync(join(source, "package.json"), "utf8")).version;
const lines = [];
const seen = new Set();
for (const file of ["asn-ipv4.csv", "asn-ipv6.csv"]) {
  for (const line of readFileSync(join(source, file), "utf8").split("\n")) {
    const [first, last, asn] = line.split(",", 3);
    if (line && wanted.has(Number(asn))) {
      lines.push(line);
      seen.add(Number(asn));
    }
  }
}
const missing = [...wanted].filter(a => !seen.has(a));
if (missing.length > 0) {
  console.error(`AS numbers with no range in @ip-location-db/asn ${version}: ${missing.join(", ")}`);
  process.exit(1);
}
const target = join(here, "../../Collector/Data/datacenter-ranges.csv");
writeFileSync(target,
  `# Datacenter address ranges: @ip-location-db/asn ${version} filtered by scripts/datacenter-ranges/asns.txt.\n` +
  `# Data (c) Route Views (routeviews.org) and DB-IP (db-ip.com), CC BY 4.0; see LICENSE-datacenter-ranges.txt.\n` +
  `# first,last,asn,name\n` + lines.join("\n") + "\n");
console.log(`${lines.length} ranges of ${seen.size} AS numbers written to Collector/Data/datacenter-ranges.csv`);
