#!/usr/bin/env bash
# Coverage-guided fuzzing with AFL++ and SharpFuzz (docs/decisions/0030-fuzzing): publishes fuzz/, instruments the
# assemblies under test, runs afl-fuzz on each target for the given time, one after the other, from the seed
# corpus fuzz/corpus/<target>/, and prints executions, paths, coverage and crashes. Crashing inputs are copied to
# fuzz/crashes/<target>/ (fix the code, keep the file: the replay test runs it). One reliability figure line per
# target goes to $ICESCO_RELIABILITY_FIGURES when it is set.
#   fuzz/run.sh [all|TARGET[,TARGET…]] [seconds per target, default 600]   (targets: event-body, insert-splitter, decompression)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-all}
seconds=${2:-600}
targets=(event-body insert-splitter decompression)
[ "$target" = all ] || IFS=, read -r -a targets <<<"$target"

scripts/bootstrap.sh fuzz
work=${FUZZ_WORK:-/var/tmp/icesco-fuzz}
tools="$work/tools"
[ -x "$tools/sharpfuzz" ] || dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null

echo "== publish and instrument"
publish="$work/publish"
rm -rf "$publish"
dotnet publish fuzz/Icesco.Insights.Fuzz.csproj -c Release -o "$publish" --nologo -v quiet -clp:NoSummary
# The code under test, and the codecs it reads bodies with; not the fuzz driver, SharpFuzz or the framework.
for dll in Icesco.Insights.Collector.dll Icesco.Insights.EmbeddedClickHouse.dll ZstdSharp.dll K4os.Compression.LZ4.dll K4os.Compression.LZ4.Streams.dll; do
  "$tools/sharpfuzz" "$publish/$dll" >/dev/null
done

# dotnet is not itself instrumented (the assemblies are); the machine is shared, so no core pinning, no CPU
# frequency check; the first input waits for the runtime to start and JIT the target.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_FORKSRV_INIT_TMOUT=60000 \
  AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 DOTNET_TieredPGO=0
stat() { sed -n "s/^$2 *: *//p" "$1/default/fuzzer_stats"; }
status=0
for t in "${targets[@]}"; do
  echo "== afl-fuzz $t for ${seconds}s"
  findings="$work/findings/$t"
  rm -rf "$findings"; mkdir -p "$work/findings"
  dictionary=(); [ -f "fuzz/dictionaries/$t.dict" ] && dictionary=(-x "fuzz/dictionaries/$t.dict")
  afl-fuzz -i "fuzz/corpus/$t" -o "$findings" "${dictionary[@]}" -V "$seconds" -t 5000 -m none -- \
    "$(command -v dotnet)" "$publish/Icesco.Insights.Fuzz.dll" fuzz "$t" >"$work/$t.log" 2>&1 || { tail -30 "$work/$t.log"; status=1; continue; }
  execs=$(stat "$findings" execs_done); rate=$(stat "$findings" execs_per_sec)
  paths=$(stat "$findings" corpus_count); edges=$(stat "$findings" edges_found)
  cover=$(stat "$findings" bitmap_cvg); crashes=$(stat "$findings" saved_crashes); hangs=$(stat "$findings" saved_hangs)
  echo "RESULT $t: $execs executions (${rate}/s), $paths paths, $edges edges ($cover of the map), $crashes crashes, $hangs hangs"
  if [ "$crashes" != 0 ] || [ "$hangs" != 0 ]; then
    mkdir -p "fuzz/crashes/$t"
    for f in "$findings"/default/crashes/id:* "$findings"/default/hangs/id:*; do
      [ -e "$f" ] && cp "$f" "fuzz/crashes/$t/$(basename "$(dirname "$f")")-$(sha1sum "$f" | cut -c1-12)"
    done
    echo "   inputs copied to fuzz/crashes/$t/; replay: dotnet fuzz/bin/Release/net10.0/Icesco.Insights.Fuzz.dll replay $t fuzz/crashes/$t"
    status=1
  fi
  if [ -n "${ICESCO_RELIABILITY_FIGURES:-}" ]; then
    python3 - "$t" "$seconds" "$execs" "$crashes" "$hangs" "$rate" "$paths" "$edges" "$cover" >>"$ICESCO_RELIABILITY_FIGURES" <<'PY'
import json, sys
t, seconds, execs, crashes, hangs, rate, paths, edges, cover = sys.argv[1:]
what = {"event-body": "the event parser and validator", "insert-splitter": "the endpoint's INSERT splitter", "decompression": "the request body decoders"}[t]
print(json.dumps({"Area": "Fuzzing", "Tried": f"AFL++ on {what}, {round(int(seconds) / 60)} min", "Count": int(execs),
                  "Lost": f"{crashes} crashes, {hangs} hangs", "Figure": f"{float(rate):.0f} exec/s, {paths} paths, {edges} edges ({cover})"}))
PY
  fi
done
exit "$status"
