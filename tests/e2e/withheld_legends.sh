#!/usr/bin/env bash
# Every page that shows a withheld mark (« < k » or « s ») says what it
# means: the report and each identity sheet printed alone by `recit
# fiches`. A page's text comes from pdftotext; a mark is "<" then a number,
# or « s » alone on a line (a tile, a bar value); the explanation is the
# figures' note (« < 3 : moins de 3 personnes », « s : secret statistique »)
# the key-figures note (« inférieur à 3 »), or a tile's own detail line
# (« moins de 3, n = … », « non diffusé, n = … »).
. "$(dirname "$0")/lib.sh"

expect_status 0 "build" "$RECIT" build --inputs "$SRC/inputs" -o "$WORK/out" >/dev/null 2>"$WORK/build.err"
expect_status 0 "fiches" "$RECIT" fiches --inputs "$SRC/inputs" -o "$WORK/out" >/dev/null 2>"$WORK/fiches.err"

has_mark() { grep -qP '<[\s\x{202F}\x{A0}]*\d|^s$' "$1"; }
has_expl() { grep -qE 'moins de [0-9]+ personnes|secret statistique|inférieur à [0-9]+|moins de [0-9]+, n = |non diffusé, n = ' "$1"; }

marked=0
for pdf in "$WORK/out/rapport.pdf" "$WORK"/out/fiches/*.pdf; do
  n=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for p in $(seq 1 "$n"); do
    pdftotext -f "$p" -l "$p" "$pdf" "$WORK/page.txt"
    if has_mark "$WORK/page.txt"; then
      marked=$((marked + 1))
      check "$(basename "$pdf") page $p shows a withheld mark and explains it" has_expl "$WORK/page.txt"
    fi
  done
done
# The guard must have something to guard: the sample withholds cells.
check "some pages show withheld marks ($marked)" [ "$marked" -ge 5 ]

# Positive control: a page with a mark and no explanation is caught.
printf 'Tranches d’âge\n16-24 ans <\xe2\x80\xaf3\n' >"$WORK/bad.txt"
check "the guard sees a mark" has_mark "$WORK/bad.txt"
check "the guard sees no explanation" bash -c "! grep -qE 'moins de [0-9]+ personnes|secret statistique|inférieur à [0-9]+' '$WORK/bad.txt'"

finish
