#!/usr/bin/env bash
# Rebuilds Collector/Data/datacenter-ranges.csv from the pinned @ip-location-db/asn and asns.txt.
# To update the data: raise the version in package.json (npm view @ip-location-db/asn version), run this.
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-audit --no-fund --loglevel=error
node build.mjs
