#!/usr/bin/env bash
# Who calls whom, from the object files (tests/arch/check_links.py): no stage
# calls a stage it does not use, and files form no cycle. Then the test of
# the test: three small objects that call up and form a circle must fail.
# usage: links.sh LAYERS_TXT OBJECTS_TXT SCRATCH [--allow-cycles STAGE ...]
set -uo pipefail
here="$(dirname "$0")"
layers="$1" objects="$2" work="$3"
shift 3
python3 "$here/check_links.py" "$@" "$layers" "$objects" || exit 1

rm -rf "$work" && mkdir -p "$work"
for f in low_a low_b high; do
  cc -c "$here/links_bad/$f.c" -o "$work/$f.o" || exit 1
done
printf 'low %s\nlow %s\nhigh %s\n' "$work/low_a.o" "$work/low_b.o" "$work/high.o" >"$work/objects.txt"
out="$(python3 "$here/check_links.py" "$here/links_bad/layers.txt" "$work/objects.txt")"
rc=$?
[ "$rc" -eq 1 ] || { echo "FAIL: the bad objects gave exit $rc, expected 1"; echo "$out"; exit 1; }
grep -qF 'low_a: stage low calls high_entry of stage high, which it does not use' <<<"$out" ||
  { echo "FAIL: the upward call was not reported"; echo "$out"; exit 1; }
grep -qF 'a cycle between stages high and low' <<<"$out" ||
  { echo "FAIL: the cycle was not reported"; echo "$out"; exit 1; }
echo "ok: calls follow the layering, and objects that break it are caught"
