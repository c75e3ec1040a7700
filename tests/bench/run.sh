#!/usr/bin/env bash
# Benchmarks (on demand, not part of CI's pass/fail): wall time, CPU time and
# peak memory of recit on the sample year and on synthetic networks ×10 and
# ×100 (tests/bench/gen_network.py). Each case runs RUNS times (default 7)
# after one warm-up; the table gives the median wall time with min-max, the
# median CPU time (user+sys) and the largest peak RSS (tests/bench/measure.py).
#
#   tests/bench/run.sh            # prints a Markdown table
#   RUNS=11 tests/bench/run.sh
#   CASES=linear tests/bench/run.sh   # only the linear-cost cases (issue 14):
#       check and stats on 10,005 KPAs, a 200 KB narrative of long words
#       with 100,000 expressions (and its floor), an include bomb refused
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${RUNS:-7}"
B=build-bench
cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Release -DRECIT_TESTS=OFF >/dev/null
cmake --build "$B" -j"$(nproc)" --target recit >/dev/null
RECIT="$PWD/$B/recit"
W="$B/work"
mkdir -p "$W"
CASES="${CASES:-all}"
if [ "$CASES" = all ]; then
  python3 tests/bench/gen_network.py 10 "$W/x10" >/dev/null
  python3 tests/bench/gen_network.py 100 "$W/x100" >/dev/null
fi

# measure NAME CMD...: prints one table row (see measure.py).
measure() {
  local name="$1"; shift
  python3 tests/bench/measure.py "$name" "$RUNS" "$@"
}

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

echo "Récit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $RUNS runs"
echo
echo "| case | wall, median (min–max) | CPU, median | peak RSS |"
echo "| --- | --- | --- | --- |"
# The floor: the same text shaped and drawn by Pango and Cairo alone.
cc -std=c17 -O2 tests/bench/floor.c -o "$B/floor" \
  $(pkg-config --cflags --libs pangocairo pangoft2 fontconfig cairo-pdf) -lhyphen

# Linear cost (docs/benchmarks.md, « Linear cost »): a national network of
# 10,005 KPAs and 178,000 people, a narrative built to be slow to set, and
# templates that include each other ten times per level.
linear_cases() {
  python3 tests/bench/gen_network.py 667 "$W/x667" >/dev/null
  measure "check, 10,005 KPAs" "$RECIT" check -q -i "$W/x667"
  measure "stats, 10,005 KPAs" "$RECIT" stats -i "$W/x667"
  rm -rf "$W/nar" && cp -r inputs "$W/nar"
  python3 - "$W/nar/narratif/conclusion.xml" <<'PY'
import sys
path = sys.argv[1]
s = open(path, encoding="utf-8").read()
i = s.index("<p>")
long_words = " ".join(["x" * 5000] * 40)  # one paragraph of 200 KB
exprs = " ".join(["{coop.total}"] * 100000)
s = s[:i] + f"<p>Mots longs : {long_words} fin.</p>\n<p>Expressions : {exprs} fin.</p>\n" + s[i:]
open(path, "w", encoding="utf-8").write(s)
PY
  measure "build, sample + 200 KB of 5,000-character words + 100,000 expressions" \
    "$RECIT" build -q -i "$W/nar" -o "$W/outnar"
  pdftotext -enc UTF-8 "$W/outnar/rapport.pdf" "$W/nar.txt"
  measure "floor: that report's text, Pango+Cairo only" "$B/floor" fonts "$W/nar.txt" "$W/floornar.pdf"
  L="$W/bomb"; rm -rf "$L" && mkdir -p "$L" && cp layouts/*.xml layouts/*.rng "$L/"
  python3 - "$L" <<'PY'
import sys
d = sys.argv[1]
h = '<?xml version="1.0" encoding="UTF-8"?>\n<modele>\n'
open(f"{d}/bombe.xml", "w").write(h + '  <inclure modele="b1.xml"/>\n' * 10 + "</modele>\n")
for i in range(1, 8):
    open(f"{d}/b{i}.xml", "w").write(h + f'  <inclure modele="b{i + 1}.xml"/>\n' * 10 + "</modele>\n")
open(f"{d}/b8.xml", "w").write(h + "  <p>x</p>\n</modele>\n")
PY
  # Exits 1 (the located error): measure.py wants 0, so time it through sh.
  measure "include bomb (10 per level, 8 levels) refused" \
    sh -c '"$0" check -q -i inputs -l "$1" -t bombe.xml; [ $? -eq 1 ]' "$RECIT" "$L"
}
if [ "$CASES" = linear ]; then
  linear_cases
  exit 0
fi
measure "build, sample year" "$RECIT" build -q -i inputs -o "$W/out1"
pdftotext -enc UTF-8 "$W/out1/rapport.pdf" "$W/report.txt"
measure "floor: report text, Pango+Cairo only" "$B/floor" fonts "$W/report.txt" "$W/floor.pdf"
measure "build, ×10" "$RECIT" build -q -i "$W/x10" -o "$W/out10"
measure "build, ×100" "$RECIT" build -q -i "$W/x100" -o "$W/out100"
measure "fiches, sample year (15 sheets), -j2" "$RECIT" fiches -q -j2 -i inputs -o "$W/f1"
# ×100 sheets are long (1,500 PDFs): fewer runs, and the output goes to a
# tmpfs when there is one, so the figure is Récit's work rather than the
# disk's fsync of every PDF (docs/benchmarks.md).
RUNS_SAVED=$RUNS; RUNS=3
FAST=/dev/shm; [ -d "$FAST" ] && [ -w "$FAST" ] || FAST="$W"
measure "fiches, ×100 (1,500 sheets), -j1" "$RECIT" fiches -q -j1 -i "$W/x100" -o "$FAST/recit-bench-f100"
measure "fiches, ×100 (1,500 sheets), -j2" "$RECIT" fiches -q -j2 -i "$W/x100" -o "$FAST/recit-bench-f100"
RUNS=$RUNS_SAVED
measure "stats, ×100" "$RECIT" stats -i "$W/x100"
measure "check, ×100" "$RECIT" check -q -i "$W/x100"
linear_cases
rm -rf "$FAST/recit-bench-f100"
echo
echo "Pages: sample $(pages "$W/out1/rapport.pdf"), ×10 $(pages "$W/out10/rapport.pdf"), ×100 $(pages "$W/out100/rapport.pdf")."
