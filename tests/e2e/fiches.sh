#!/usr/bin/env bash
# `recit fiches` (docs/fiches.md): one PDF per KPA, exactly one page each,
# with the KPA's name and its own figures; selection by id and by name;
# optional fields left out without empty boxes; long texts fitted, too-long
# ones refused naming the KPA and the field; shards that cover every KPA
# exactly once; a broken sheet reported while the others are written; the
# report's annex 2; a golden image of one sheet.
. "$(dirname "$0")/lib.sh"
cd "$SRC"
text() { pdftotext -enc UTF-8 "$@" - | sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g'; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
ids=$(tail -n +2 inputs/kpa.csv | cut -d';' -f1 | sort)

# --- every sheet of the sample year, with two workers ------------------------------
OUT="$WORK/all"
expect_status 0 "fiches on inputs/" "$RECIT" fiches -i inputs -o "$OUT" -j 2 2>"$WORK/all.err"
expect_contains "$WORK/all.err" "wrote 15 of 15 sheets to $OUT/fiches"
check "15 PDFs" test "$(ls "$OUT"/fiches/*.pdf | wc -l)" -eq 15
while IFS=';' read -r id nom _; do
  pdf="$OUT/fiches/$id.pdf"
  check "$id: one page" test "$(pages "$pdf")" = 1
  text "$pdf" >"$WORK/$id.txt"
  expect_contains "$WORK/$id.txt" "$nom"
  # Its own count of coopérant·es (from activite.csv), as a tile, unless
  # the small-cell rule withholds it.
  n=$(awk -F';' -v k="$id" '$2 == k' inputs/activite.csv | wc -l)
  if [ "$n" -ge 3 ]; then
    expect_contains "$WORK/$id.txt" "n = $n coopérant"
  elif [ "$n" -eq 0 ]; then
    expect_contains "$WORK/$id.txt" "Aucun·e coopérant·e"
  fi
done < <(tail -n +2 inputs/kpa.csv)
# Figures that are the KPA's own, not the network's.
expect_contains "$WORK/coop-manau.txt" "107 457 €"
expect_contains "$WORK/coop-manau.txt" "Priorité aux femmes isolées"
expect_contains "$WORK/kpa-touraine.txt" "63 902 €" # 15 510 € + 48 392 €, both years
expect_contains "$WORK/kpa-touraine.txt" "Jeunes uniquement"
expect_contains "$WORK/coopains-a-bord.txt" "1 an"
expect_not_contains "$WORK/la-cape.txt" "n = 267"
# Privacy on small KPAs: La Fourmilière has 8 coopérant·es; nothing under 3 is
# printed as a count, hidden cells read « < 3 » or « s ».
check "small cells hidden on a small KPA" grep -qE '< ?3|(^| )s( |$)' "$WORK/la-fourmiliere.txt"

# Same bytes from one worker as from two (and from one run to the next).
expect_status 0 "fiches -j1" "$RECIT" fiches -i inputs -o "$WORK/one" -j1 -q
check "-j1 and -j2 give identical PDFs" diff -r "$OUT/fiches" "$WORK/one/fiches"

# --- selection by id and by name ----------------------------------------------------
expect_status 0 "--kpa by id" "$RECIT" fiches --kpa kpa-touraine -o "$WORK/sel1" -q
check "only kpa-touraine" test "$(ls "$WORK/sel1/fiches")" = "kpa-touraine.pdf"
expect_status 0 "--kpa by name" "$RECIT" fiches --kpa "Coop Manau" --kpa "la fourmilière" -o "$WORK/sel2" -q
check "two named sheets" test "$(ls "$WORK/sel2/fiches" | tr '\n' ' ')" = "coop-manau.pdf la-fourmiliere.pdf "
expect_status 2 "unknown --kpa" "$RECIT" fiches --kpa nowhere -o "$WORK/sel3" 2>"$WORK/sel3.err"
expect_contains "$WORK/sel3.err" 'no KPA "nowhere"'

# --- optional fields left out: no empty rows ------------------------------------------
expect_not_contains "$WORK/kpa-wattrelos.txt" "Partenaires"
expect_not_contains "$WORK/kpa-wattrelos.txt" "Contact"
expect_not_contains "$WORK/kpa-wattrelos.txt" "Durée maximale"
expect_contains "$WORK/kpa-wattrelos.txt" "Épicerie ambulante"

# --- long name and long text: fitted, then refused beyond the limits ----------------
LONG="$WORK/long"
cp -r inputs "$LONG"
sed -i 's/^rhizome;Rhizome;/rhizome;Rhizome, coopérative de quartier des Glacis et de Degroote;/' "$LONG/kpa.csv"
para="Au fablab, les coopérant·es fabriquent du mobilier en bois de récupération, réparent des outils prêtés par les voisin·es et animent des ateliers pour les familles du quartier le mercredi après-midi."
long_text="$para $para $para $para"  # about 850 characters: under the limit of 900
python3 - "$LONG/fiches/rhizome.xml" "$long_text" <<'PY'
import re, sys
p, t = sys.argv[1], sys.argv[2]
s = open(p).read()
s = re.sub(r'<presentation>.*</presentation>', '<presentation>' + t + '</presentation>', s, flags=re.S)
s = s.replace('<partenaire>', '<partenaire>Partenaire : ', 1)
open(p, 'w').write(s)
PY
expect_status 0 "long name and text fitted" "$RECIT" fiches -i "$LONG" --kpa rhizome -o "$LONG/out" 2>"$WORK/long.err"
check "long sheet: one page" test "$(pages "$LONG/out/fiches/rhizome.pdf")" = 1
text "$LONG/out/fiches/rhizome.pdf" | tr '\n' ' ' >"$WORK/long.txt"
expect_contains "$WORK/long.txt" "Degroote"
expect_contains "$WORK/long.txt" "mercredi après-midi"
# Beyond the limit: a clear error with file:line, the field and the KPA.
python3 - "$LONG/fiches/rhizome.xml" "$long_text $para" <<'PY'
import re, sys
p, t = sys.argv[1], sys.argv[2]
s = open(p).read()
s = re.sub(r'<presentation>.*</presentation>', '<presentation>' + t + '</presentation>', s, flags=re.S)
open(p, 'w').write(s)
PY
expect_status 1 "too long refused" "$RECIT" fiches -i "$LONG" --kpa rhizome -o "$LONG/out2" 2>"$WORK/long2.err"
check "too long: error names file:line and field" grep -qE "fiches/rhizome.xml:[0-9]+: error: \"presentation\": [0-9]+ characters, at most 900" "$WORK/long2.err"
expect_contains "$WORK/long2.err" "Rhizome, coopérative de quartier"
check "too long: no PDF" test ! -e "$LONG/out2/fiches/rhizome.pdf"
sed -i 's/^rhizome;[^;]*;/rhizome;Rhizome, coopérative de quartier des Glacis, de Degroote et du Petit-Synthe réunis;/' "$LONG/kpa.csv"
expect_status 1 "too long name refused" "$RECIT" fiches -i "$LONG" --kpa rhizome -o "$LONG/out3" 2>"$WORK/long3.err"
check "long name: error at kpa.csv line" grep -qE "kpa.csv:[0-9]+(:[0-9]+)?: error: \"nom\": [0-9]+ characters, at most 60" "$WORK/long3.err"

# --- shards: every KPA exactly once ----------------------------------------------------
for i in 1 2 3; do
  expect_status 0 "shard $i/3" "$RECIT" fiches --shard "$i/3" -o "$WORK/shard$i" -q
done
union=$(ls "$WORK"/shard{1,2,3}/fiches | grep pdf | sed 's/\.pdf$//' | sort)
check "union of shards is every KPA" test "$union" = "$ids"
check "no KPA in two shards" test "$(echo "$union" | uniq -d | wc -l)" -eq 0
expect_status 2 "bad shard" "$RECIT" fiches --shard 4/3 -o "$WORK/shard4"

# The documented GNU parallel recipe (docs/fiches.md), when parallel is installed.
if command -v parallel >/dev/null; then
  expect_status 0 "GNU parallel" parallel --halt now,fail=1 "$RECIT" fiches -q -j 1 --shard {}/4 -o "$WORK/par" ::: 1 2 3 4
  check "parallel: 15 sheets" test "$(ls "$WORK/par/fiches" | wc -l)" -eq 15
fi

# --- a broken sheet: reported per KPA, the others are written ----------------------------
BROKEN="$WORK/broken"
cp -r inputs "$BROKEN"
sed -i 's/<contrat type="cape"\/>/<contrat type="capes"\/>/; s/<accueil>/<acceuil>/; s/<\/accueil>/<\/acceuil>/' "$BROKEN/fiches/la-cape.xml"
expect_status 1 "broken sheet: exit 1" "$RECIT" fiches -i "$BROKEN" -o "$BROKEN/out" -j 2 2>"$WORK/broken.err"
expect_contains "$WORK/broken.err" 'fiches/la-cape.xml:5: error: unknown element <acceuil> (did you mean "accueil"?)'
expect_contains "$WORK/broken.err" '"type": expected one of cape, cesa, benevolat, found "capes" (did you mean "cape"?)'
expect_contains "$WORK/broken.err" "La Cape (la-cape): sheet not written"
expect_contains "$WORK/broken.err" "wrote 14 of 15 sheets"
# The summary counts the workers' messages: it agrees with the exit status.
expect_contains "$WORK/broken.err" "recit: 3 errors, 0 warnings"
expect_not_contains "$WORK/broken.err" "recit: 0 errors"
check "14 PDFs beside the broken one" test "$(ls "$BROKEN/out/fiches" | wc -l)" -eq 14
check "no PDF for the broken sheet" test ! -e "$BROKEN/out/fiches/la-cape.pdf"
# A sheet named after no KPA is a warning with a suggestion.
cp "$BROKEN/fiches/rhizome.xml" "$BROKEN/fiches/rhizom.xml"
"$RECIT" fiches -i "$BROKEN" --kpa rhizome -o "$BROKEN/out" -q 2>"$WORK/stray.err"
expect_contains "$WORK/stray.err" 'no KPA "rhizom" in kpa.csv (did you mean "rhizome"?)'

# --- the report: annex 2 holds every sheet, each on its own page -----------------------------
if "$RECIT" build -i inputs -o "$WORK/report" -q 2>"$WORK/report.err"; then
  R="$WORK/report/rapport.pdf"
  n=$(pages "$R")
  start=$(for p in $(seq 1 "$n"); do text -f "$p" -l "$p" "$R" | grep -q "^Chacun des 15 KPA" && { echo "$p"; break; }; done)
  check "annex 2 found" test -n "$start"
  check "15 sheet pages after the annex heading" test "$((n - start))" -eq 15
  p=$start
  for id in $ids; do
    p=$((p + 1))
    nom=$(grep "^$id;" inputs/kpa.csv | cut -d';' -f2)
    if text -f "$p" -l "$p" "$R" | grep -qF "$nom"; then ok; else fail "report page $p lacks $nom"; fi
  done
else
  fail "recit build failed: $(tail -3 "$WORK/report.err")"
fi

# --- golden image of one sheet (tolerance: see docs/fiches.md) ------------------------------
pdftoppm -png -r 60 -singlefile "$OUT/fiches/la-cape.pdf" "$WORK/la-cape"
# png_compare is built beside recit (tests/png_compare.c): a pixel differs
# beyond 40/255 on a channel; at most 0.5 % of the pixels may differ.
check "golden image of la-cape" "$(dirname "$RECIT")/tests/png_compare" "$WORK/la-cape.png" \
  "$SRC/tests/golden/fiches/la-cape.png" "$WORK/la-cape-diff.png" 40 0.005

finish
