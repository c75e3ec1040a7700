#!/usr/bin/env bash
# Golden images of representative pages of the sample report: the cover,
# the first key-figures page, the exit-flow page and the financial charts,
# rendered by poppler at 40 dpi and compared with tests/golden/pages/ by
# png_compare (a pixel differs beyond 40/255 on a channel; at most 0.2 % of
# pixels may differ). Pages are found by their content, not their number,
# so narrative added elsewhere does not move them.
# Regenerate after an intended change: scripts/update-golden.sh
# Called as: golden_pages.sh RECIT SOURCE_DIR WORK_DIR PNG_COMPARE
. "$(dirname "$0")/lib.sh"
CMP="$4"
cd "$SRC" || exit 1
"$RECIT" build -q -o "$WORK/out" || { fail "build"; finish; exit 1; }
PDF="$WORK/out/rapport.pdf"
pages=$(pdfinfo "$PDF" | awk '/^Pages:/ {print $2}')
# page_with TEXT: the first page whose text contains TEXT.
page_with() {
  for p in $(seq 1 "$pages"); do
    pdftotext -f "$p" -l "$p" "$PDF" - | grep -qF -- "$1" && { echo "$p"; return; }
  done
}
for spec in "cover:Récit évaluatif" "chiffres-cles:Les femmes parmi les coopérant·es" \
            "sorties:Ce que deviennent les personnes sorties" "finances:par KPA et par année"; do
  name=${spec%%:*}
  text=${spec#*:}
  p=$(page_with "$text")
  if [ -z "$p" ]; then fail "no page with \"$text\""; continue; fi
  pdftoppm -png -r 40 -f "$p" -l "$p" -singlefile "$PDF" "$WORK/$name"
  if "$CMP" "$WORK/$name.png" "tests/golden/pages/$name.png" "$WORK/$name-diff.png"; then ok
  else fail "page $p ($name) differs from tests/golden/pages/$name.png: see $WORK/$name-diff.png"; fi
done
finish
