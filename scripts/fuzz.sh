#!/usr/bin/env bash
# Run Récit's libFuzzer targets (clang, ASan + UBSan) for a bounded time each.
#
#   scripts/fuzz.sh                 # every target, 30 s each
#   FUZZ_SECONDS=3600 scripts/fuzz.sh csv   # one target for an hour
#
# Targets: csv (CSV reader), parse (French value parsers/formatters),
# xml (the safe XML entry point), tmpl (layout templates loaded and expanded
# against tests/fixtures/mini), tmpl_expr (the "{...}" expression evaluator,
# in memory), interview (grille.xml + entretiens.xml and everything that reads
# them), qdpx (the REFI-QDA importer on zip bytes), sheet (the .xlsx/.ods reader). Seeds are in tests/fuzz/corpus/<target>/;
# the growing corpus is kept in build-fuzz/corpus-<target>/ so the repository
# is not flooded. A crash is written to build-fuzz/crashes/<target>/: copy it
# into tests/fuzz/regressions/<target>/, where ctest replays it in every build
# (unit.fuzz_replay_<target>), then fix the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-30}"
TARGETS=("${@:-csv parse xml tmpl tmpl_expr interview qdpx sheet}")
read -r -a TARGETS <<<"${TARGETS[*]}"
OUT=build-fuzz
# The stage libraries are built by CMake with clang, instrumented for
# libFuzzer (RECIT_FUZZ in tests/CMakeLists.txt), so the targets link
# exactly what the program links.
cmake -S . -B "$OUT" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug -DRECIT_FUZZ=ON \
  -DRECIT_WERROR=OFF >/dev/null
# The template, interview and QDPX targets read fixtures from the source tree.
export RECIT_SOURCE_DIR="$PWD"

for t in "${TARGETS[@]}"; do
  echo "== fuzz_$t: building"
  cmake --build "$OUT" --target "fuzz_$t" -j"$(nproc)" >/dev/null
  mkdir -p "$OUT/corpus-$t" "$OUT/crashes/$t"
  cp -n tests/fuzz/corpus/"$t"/* "$OUT/corpus-$t/" 2>/dev/null || true
  echo "== fuzz_$t: running ${SECONDS_EACH}s"
  "$OUT/tests/fuzz_$t" -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$OUT/crashes/$t/" -print_final_stats=1 "$OUT/corpus-$t" 2>"$OUT/fuzz_$t.log" ||
    { echo "fuzz_$t FOUND A PROBLEM: see $OUT/fuzz_$t.log and $OUT/crashes/$t/"; tail -30 "$OUT/fuzz_$t.log"; exit 1; }
  grep -E "stat::number_of_executed_units|stat::new_units_added|stat::peak_rss_mb" "$OUT/fuzz_$t.log" | sed "s/^/   /"
done
