#!/usr/bin/env bash
# Rewrite the golden images of report pages (tests/golden/pages/) from the
# current build, after a change that is meant to alter them. Review the new
# images (and the diff in git) before committing them.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build >/dev/null && cmake --build build -j"$(nproc)" >/dev/null
W=$(mktemp -d)
build/recit build -q -o "$W"
PDF="$W/rapport.pdf"
pages=$(pdfinfo "$PDF" | awk '/^Pages:/ {print $2}')
for spec in "cover:Récit évaluatif" "chiffres-cles:Les femmes parmi les coopérant·es" \
            "sorties:Ce que deviennent les personnes sorties" "finances:par KPA et par année"; do
  name=${spec%%:*}; text=${spec#*:}
  for p in $(seq 1 "$pages"); do
    if pdftotext -f "$p" -l "$p" "$PDF" - | grep -qF -- "$text"; then
      pdftoppm -png -r 40 -f "$p" -l "$p" -singlefile "$PDF" "tests/golden/pages/$name"
      echo "tests/golden/pages/$name.png <- page $p"
      break
    fi
  done
done
build/recit fiches -q --kpa la-cape -o "$W" >/dev/null
pdftoppm -png -r 60 -singlefile "$W/fiches/la-cape.pdf" tests/golden/fiches/la-cape
echo "tests/golden/fiches/la-cape.png"
rm -rf "$W"
# The continued chart page of a 45-KPA year (tests/e2e/long_charts.sh).
W2=$(mktemp -d)
UPDATE_GOLDEN=1 bash tests/e2e/long_charts.sh "$PWD/build/recit" "$PWD" "$W2" build/tests/png_compare >/dev/null || true
echo "tests/golden/pages/long-chart-suite.png"
rm -rf "$W2"
# Chart references have their own target.
cmake --build build --target charts-golden-update >/dev/null && echo "tests/golden/charts/ updated"
