#!/usr/bin/env bash
# `recit stats` on the sample year reproduces every key figure of DOMAIN.md,
# with the right base, and JSON agrees with CSV.
. "$(dirname "$0")/lib.sh"

expect_status 0 "recit stats" "$RECIT" stats --inputs "$SRC/inputs" >"$WORK/stats.csv" 2>"$WORK/stats.err"
# Fields from the right: value,unit,base,base_id,share,percent,suppressed
# (labels may hold commas).
awk -F, 'NR>1 { n=NF; print $1, $(n-6), $(n-4), $(n-1) }' "$WORK/stats.csv" >"$WORK/got.txt"
while read -r id value base percent; do
  case "$id" in ''|'#'*) continue ;; esac
  line=$(awk -v id="$id" '$1==id' "$WORK/got.txt")
  if [ -z "$line" ]; then fail "no figure $id"; continue; fi
  read -r _ gv gb gp <<<"$line"
  [ "$value" = "-" ] || [ "$value" = "$gv" ] || { fail "$id value $gv, expected $value"; continue; }
  [ "$base" = "-" ] || [ "$base" = "$gb" ] || { fail "$id base $gb, expected $base"; continue; }
  [ "$percent" = "-" ] || [ "$percent" = "$gp" ] || { fail "$id percent $gp %, expected $percent %"; continue; }
  ok
done <"$SRC/tests/e2e/expected/sample-figures.txt"

# JSON carries the same figures.
expect_status 0 "recit stats --format json" "$RECIT" stats --inputs "$SRC/inputs" --format json >"$WORK/stats.json"
expect_contains "$WORK/stats.json" '{"id": "sexe.F", "group": "sexe", "label": "Femmes", "value": 195, "unit": "count", "base": 267, "base_id": "coop.total"'
if command -v python3 >/dev/null; then
  check "stats.json is valid JSON" python3 -m json.tool "$WORK/stats.json" >/dev/null
fi

# Largest remainder: every partition sums to exactly 100.
expect_status 0 "recit stats --largest-remainder" "$RECIT" stats --inputs "$SRC/inputs" --largest-remainder >"$WORK/lr.csv"
for g in age departement formation anciennete-pe duree-prevue anciennete duree-sejour sortie; do
  sum=$(awk -F, -v g="$g" 'NR>1 && $2==g { s += $(NF-1) } END { print s }' "$WORK/lr.csv")
  [ "$sum" = "100" ] && ok || fail "largest remainder: group $g sums to $sum"
done
# Chart descriptions: one French sentence per chart, with its base, small
# cells as « < 3 » / « s ».
expect_status 0 "recit stats --descriptions" "$RECIT" stats --inputs "$SRC/inputs" -l "$SRC/layouts" --descriptions >"$WORK/desc.txt"
sed -i 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' "$WORK/desc.txt"
expect_contains "$WORK/desc.txt" "Les femmes parmi les coopérant·es (n = 267) : Femmes 73 %, Hommes 27 %."
expect_contains "$WORK/desc.txt" "Département de résidence (n = 267) : Nord 80 %, Charente-Maritime 10 %, Indre-et-Loire 7 %, Pas-de-Calais 3 %."
expect_contains "$WORK/desc.txt" "Orientation vers un autre dispositif < 3"
check "one description per chart (got $(wc -l <"$WORK/desc.txt"))" test "$(wc -l <"$WORK/desc.txt")" -ge 10

# Public output (threshold 3 in inputs/recit.xml): small cells never appear.
expect_status 0 "recit stats --public" "$RECIT" stats --inputs "$SRC/inputs" --public >"$WORK/public.csv"
expect_contains "$WORK/public.csv" "sortie.service-civique,sortie,Service civique,<3,count,98,parcours.sortis,,,primary"
expect_contains "$WORK/public.csv" "anciennete.22-mois-et-plus,anciennete,22 mois et plus,<3,count,169,parcours.presents,,,primary"
# ... and the one long-stayer cannot be recomputed from 169 minus the others.
expect_contains "$WORK/public.csv" ",s,count,169,parcours.presents,,,secondary"
check "no exact count under the threshold in public output" bash -c "! awk -F, 'NR>1 && \$(NF-6) ~ /^[12]\$/ && \$(NF-5)==\"count\"' '$WORK/public.csv' | grep -q ."
finish
