"""Renders the reliability figures (JSON lines of ReliabilityFigure) as docs/reliability.md."""
import json
import os
import platform
import subprocess
import sys
import datetime

tests, long_file = sys.argv[1], sys.argv[2]


def read(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def machine():
    cpus = os.cpu_count()
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) / 1024 / 1024
    model = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{cpus} cores ({model}), {mem:.0f} GiB, {platform.system()} {platform.release()}"


commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
rows = read(tests)
long_rows = read(long_file)
# The same test may run more than once (a theory): keep each line, in the order areas first appeared.
order = []
for r in rows + long_rows:
    if r["Area"] not in order:
        order.append(r["Area"])

print("# Reliability figures")
print()
print("What each of issue 14's promises was tried with, how many times, and what was lost — the figure, not only")
print("\"passed\". Each row is written by the test or benchmark itself (`ReliabilityFigure`); every test also asserts")
print("its promise, so a row here means the assert held. Regenerate with `bench/reliability/run.sh` (the tests, ~10 min)")
print("or `bench/reliability/run.sh --long` (also fuzzing, 10⁶ mutated bodies and the 1-hour soak).")
print()
if rows:
    print(f"Tests run {datetime.date.today().isoformat()} at commit {commit} on {machine()}; long benchmarks as of their last")
else:
    print("**The tests' rows are not in this file yet**: it was written from the long benchmarks' figures only; run")
    print("`bench/reliability/run.sh` to add them. Long benchmarks as of their last")
print("`--long` run (column *run*). How each row is produced and what it does not cover: [reliability-notes.md](reliability-notes.md).")
print()
print("| area | what was tried | how many | lost | figure | run |")
print("| --- | --- | ---: | --- | --- | --- |")
for area in order:
    for r in rows:
        if r["Area"] == area:
            print(f"| {cell(area)} | {cell(r['Tried'])} | {r['Count']:,} | {cell(r['Lost'])} | {cell(r['Figure'])} | tests |")
    for r in long_rows:
        if r["Area"] == area:
            print(f"| {cell(area)} | {cell(r['Tried'])} | {r['Count']:,} | {cell(r['Lost'])} | {cell(r['Figure'])} | {r.get('Run', '')} |")
print()
if os.path.exists("docs/reliability-soak.png"):
    print("## Soak curve")
    print()
    print("![RSS and active parts per minute over the soak](reliability-soak.png)")
    print()
