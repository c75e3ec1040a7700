#!/usr/bin/env bash
# Benchmarks (on demand, not part of CI's pass/fail): wall time, CPU time and
# peak memory of recit on the sample year and on synthetic networks ×10 and
# ×100 (tests/bench/gen_network.py). Each case runs RUNS times (default 7)
# after one warm-up; the table gives the median wall time with min-max, the
# median CPU time (user+sys) and the largest peak RSS (tests/bench/measure.py).
#
#   tests/bench/run.sh            # prints a Markdown table
#   RUNS=11 tests/bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${RUNS:-7}"
B=build-bench
cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Release -DRECIT_TESTS=OFF >/dev/null
cmake --build "$B" -j"$(nproc)" --target recit >/dev/null
RECIT="$PWD/$B/recit"
W="$B/work"
mkdir -p "$W"
python3 tests/bench/gen_network.py 10 "$W/x10" >/dev/null
python3 tests/bench/gen_network.py 100 "$W/x100" >/dev/null

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
measure "build, sample year" "$RECIT" build -q -i inputs -o "$W/out1"
# The floor: the same text shaped and drawn by Pango and Cairo alone.
cc -std=c17 -O2 tests/bench/floor.c -o "$B/floor" \
  $(pkg-config --cflags --libs pangocairo pangoft2 fontconfig cairo-pdf) -lhyphen
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
rm -rf "$FAST/recit-bench-f100"
echo
echo "Pages: sample $(pages "$W/out1/rapport.pdf"), ×10 $(pages "$W/out10/rapport.pdf"), ×100 $(pages "$W/out100/rapport.pdf")."
