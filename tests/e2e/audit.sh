#!/usr/bin/env bash
# `recit audit` (docs/privacy.md): the shipped attacker passes on the sample
# year, on a network of tiny KPAs and on 45 generated KPAs, catches a deliberately leaking
# publication (--reveal), and the PDFs of the tiny network print no base
# below k and no share of a group below k.
. "$(dirname "$0")/lib.sh"
cd "$SRC" || exit 1
text() { pdftotext -enc UTF-8 "$@" - | sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g'; }

# 1. The sample year: nothing withheld can be worked out.
expect_status 0 "audit on inputs/" "$RECIT" audit -i inputs >"$WORK/sample.csv"
expect_contains "$WORK/sample.csv" "cell,printed,low,high,verdict"
expect_contains "$WORK/sample.csv" "anciennete.22-mois-et-plus,<3,1,2,protected"
check "no leak listed" bash -c "! grep -qE ',(exact|whole-group)\$' '$WORK/sample.csv'"

# 2. Positive control: printing the secondary cell gives the long-stayer back.
expect_status 1 "audit --reveal anciennete.moins-6-mois" \
  "$RECIT" audit -i inputs --reveal anciennete.moins-6-mois >"$WORK/leak.csv" 2>"$WORK/leak.err"
expect_contains "$WORK/leak.csv" "anciennete.22-mois-et-plus,<3,1,1,exact"
expect_contains "$WORK/leak.err" "withheld count can be worked out"
expect_status 2 "audit --reveal of an unknown id" "$RECIT" audit -i inputs --reveal nope

# 3. A network of tiny KPAs: the mini network plus a KPA of one person.
NET="$WORK/tiny"
rm -rf "$NET" && cp -r tests/fixtures/mini "$NET"
echo "Le Solo,le-solo,Lens,62,,2021" >>"$NET/kpa.csv"
echo "P6,le-solo,H,16-24,62,oui,non,oui,oui,infra-cap,non,,non,oui,2022-04-01,12,2023-01-10,cdi" >>"$NET/activite.csv"
expect_status 0 "audit on the tiny network" "$RECIT" audit -i "$NET" >"$WORK/tiny.csv"
check "tiny: no leak listed" bash -c "! grep -qE ',(exact|whole-group)\$' '$WORK/tiny.csv'"
expect_status 0 "stats --public on the tiny network" "$RECIT" stats -i "$NET" --public >"$WORK/tiny-public.csv"
check "tiny: no exact count under 3 in public output" \
  bash -c "! awk -F, 'NR>1 && \$(NF-6) ~ /^[12]\$/ && \$(NF-5)==\"count\"' '$WORK/tiny-public.csv' | grep -q ."
expect_status 0 "fiches on the tiny network" "$RECIT" fiches -q -i "$NET" -o "$WORK/tiny-out" -j 1
expect_status 0 "short report on the tiny network" \
  "$RECIT" build -q -i "$NET" -t rapport-court.xml -o "$WORK/tiny-out"
for pdf in "$WORK"/tiny-out/rapport.pdf "$WORK"/tiny-out/fiches/*.pdf; do
  name=$(basename "$pdf" .pdf)
  text "$pdf" >"$WORK/tiny-$name.txt"
  # A printed base below k: « n = 1 », « n = 2 », « (1) », « sur 2 ».
  check "$name: no base below 3" bash -c "! grep -qE '(n ?= ?[12]([^0-9]|\$))|(sur [12] )' '$WORK/tiny-$name.txt'"
done
# The sheets of Le Quai (2 people) and Le Solo (1): existence, no composition.
for k in le-quai le-solo; do
  check "$k: no share printed" bash -c "! grep -q '%' '$WORK/tiny-$k.txt'"
  expect_contains "$WORK/tiny-$k.txt" "< 3"
done

# 4. At scale: a generated network of 45 KPAs (many of 1 to 4 people).
python3 tests/e2e/gen_network45.py "$WORK/net45"
expect_status 0 "audit on 45 KPAs" "$RECIT" audit -i "$WORK/net45" >"$WORK/net45.csv"
check "45 KPAs: no leak listed" bash -c "! grep -qE ',(exact|whole-group)\$' '$WORK/net45.csv'"
check "45 KPAs: small counts attacked" test "$(grep -c ',protected$' "$WORK/net45.csv")" -gt 500
finish
