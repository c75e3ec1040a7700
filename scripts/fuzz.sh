#!/usr/bin/env bash
# Run Récit's libFuzzer targets (clang, ASan + UBSan) for a bounded time each.
#
#   scripts/fuzz.sh                 # every target, 30 s each
#   FUZZ_SECONDS=3600 scripts/fuzz.sh csv   # one target for an hour
#
# Targets: csv (CSV reader), parse (French value parsers/formatters),
# xml (the safe XML entry point). Seeds are in tests/fuzz/corpus/<target>/;
# the growing corpus is kept in build-fuzz/corpus-<target>/ so the repository
# is not flooded. A crash is written to build-fuzz/crashes/<target>/: copy it
# into tests/fuzz/regressions/<target>/, where ctest replays it in every build
# (unit.fuzz_replay_<target>), then fix the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-30}"
TARGETS=("${@:-csv parse xml}")
read -r -a TARGETS <<<"${TARGETS[*]}"
OUT=build-fuzz
mkdir -p "$OUT"
CFLAGS=(-std=c17 -g -O1 -D_POSIX_C_SOURCE=200809L -fsanitize=fuzzer,address,undefined
        -fno-sanitize-recover=undefined -Isrc $(pkg-config --cflags libxml-2.0))
LIBS=($(pkg-config --libs libxml-2.0) -lcsv)
CORE=(src/diag.c src/util.c src/date.c src/csv_read.c src/parse_fr.c src/fmt_fr.c)

for t in "${TARGETS[@]}"; do
  extra=()
  [ "$t" = xml ] && extra=(src/xml_read.c)
  echo "== fuzz_$t: building"
  clang "${CFLAGS[@]}" "${CORE[@]}" "${extra[@]}" "tests/fuzz/fuzz_$t.c" -o "$OUT/fuzz_$t" "${LIBS[@]}"
  mkdir -p "$OUT/corpus-$t" "$OUT/crashes/$t"
  cp -n tests/fuzz/corpus/"$t"/* "$OUT/corpus-$t/" 2>/dev/null || true
  echo "== fuzz_$t: running ${SECONDS_EACH}s"
  "$OUT/fuzz_$t" -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$OUT/crashes/$t/" -print_final_stats=1 "$OUT/corpus-$t" 2>"$OUT/fuzz_$t.log" ||
    { echo "fuzz_$t FOUND A PROBLEM: see $OUT/fuzz_$t.log and $OUT/crashes/$t/"; tail -30 "$OUT/fuzz_$t.log"; exit 1; }
  grep -E "stat::number_of_executed_units|stat::new_units_added|stat::peak_rss_mb" "$OUT/fuzz_$t.log" | sed "s/^/   /"
done
