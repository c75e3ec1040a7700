#!/usr/bin/env bash
# A second, invented network (tests/second_network/gen_second_network.py:
# 45 KPAs in other cities, its own history, workshops, codebook and cards)
# built with the shipped layouts: none of the sample's facts may reach its
# PDF (issue 12). Positive control: the sample's own PDF trips the same
# check. Also: a fact the year folder does not give leaves its passage out.
. "$(dirname "$0")/lib.sh"
cd "$SRC" || exit 1
NET="$WORK/net2"
python3 tests/second_network/gen_second_network.py "$NET" || { fail "generator"; finish; exit 1; }

expect_status 0 "second network builds with the shipped layouts" \
  "$RECIT" build -i "$NET" -o "$WORK/out2" 2>"$WORK/build2.err"
pdftotext "$WORK/out2/rapport.pdf" "$WORK/net2.txt"
check "no sample fact in the second network's PDF" \
  python3 tests/second_network/sample_facts.py inputs "$WORK/net2.txt"
python3 tests/second_network/sample_facts.py inputs "$WORK/net2.txt" | tail -20 >&2

# Its own facts are there, from its year folder.
tr '\n' ' ' <"$WORK/net2.txt" | sed 's/\xc2\xa0\|\xe2\x80\xaf/ /g; s/  */ /g' >"$WORK/net2.flat"
expect_contains "$WORK/net2.flat" "Présentation du projet Archipel des Ruches"
expect_contains "$WORK/net2.flat" "Les grandes étapes du réseau Archipel des Ruches"
expect_contains "$WORK/net2.flat" "Création de l’association Archipel des Ruches"
expect_contains "$WORK/net2.flat" "Les quatre ateliers de la démarche d’évaluation"
expect_contains "$WORK/net2.flat" "Les quatorze cartes du kit, dont deux JOKER"
"$RECIT" build -i "$NET" -o "$WORK/out2" --dump doc >"$WORK/doc2.txt" 2>/dev/null
expect_contains "$WORK/doc2.txt" "subtitle=\"Kit d'entretien · Archipel des Ruches\""
# The map is drawn from its lieux.csv (no picture in its folder), and its
# text alternative is made from the same data, naming the city without a
# place.
expect_contains "$WORK/net2.flat" "Les villes du réseau Archipel des Ruches"
"$RECIT" build -i "$NET" -o "$WORK/out2" --dump pages >"$WORK/pages2.txt" 2>/dev/null
expect_contains "$WORK/pages2.txt" 'tag "Figure" "Les villes du réseau Archipel des Ruches\u00A0: 45 KPA dans 14 villes\u00A0: Brest (4), Quimper (4),'
expect_contains "$WORK/pages2.txt" 'sans position sur la carte\u00A0: Aurillac."'

# Positive control: the sample's PDF is full of its own facts.
expect_status 0 "sample builds" "$RECIT" build -i inputs -o "$WORK/out1" 2>/dev/null
pdftotext "$WORK/out1/rapport.pdf" "$WORK/sample.txt"
expect_status 1 "the check finds the sample's facts in the sample's PDF" \
  python3 tests/second_network/sample_facts.py inputs "$WORK/sample.txt"
python3 tests/second_network/sample_facts.py inputs "$WORK/sample.txt" >"$WORK/sample.facts"
expect_contains "$WORK/sample.facts" "'KPA-Cité'"
expect_contains "$WORK/sample.facts" "'Roubaix'"
expect_contains "$WORK/sample.facts" "'2017'"
expect_contains "$WORK/sample.facts" "'267 coopérant'"

# Absent facts: no history, no workshops, no JOKER card: their passages are
# left out, no empty title, nothing invented.
BARE="$WORK/bare"
cp -r "$NET" "$BARE"
python3 - "$BARE" <<'PY'
import re, sys
p = sys.argv[1] + "/recit.xml"
s = open(p, encoding="utf-8").read()
s = re.sub(r"\s*<histoire.*?</histoire>", "", s, flags=re.S)
s = re.sub(r"\s*<ateliers>.*?</ateliers>", "", s, flags=re.S)
open(p, "w", encoding="utf-8").write(s)
g = sys.argv[1] + "/entretiens/grille.xml"
s = open(g, encoding="utf-8").read()
s = re.sub(r'\s*<carte id="joker"[^>]*/>', "", s)
open(g, "w", encoding="utf-8").write(s)
PY
expect_status 0 "a year without history nor workshops builds" \
  "$RECIT" build -i "$BARE" -o "$WORK/out3" 2>"$WORK/build3.err"
pdftotext "$WORK/out3/rapport.pdf" - | tr '\n' ' ' | sed 's/\xc2\xa0\|\xe2\x80\xaf/ /g' >"$WORK/bare.flat"
expect_not_contains "$WORK/bare.flat" "grandes étapes"
expect_not_contains "$WORK/bare.flat" "ateliers de la démarche"
expect_not_contains "$WORK/bare.flat" "dont deux JOKER"
expect_contains "$WORK/bare.flat" "Les douze cartes du kit : à imprimer"

# Neither lieux.csv nor images/reseau.png: no map, no caption.
rm "$BARE/lieux.csv"
expect_status 0 "a year without places nor map picture builds" \
  "$RECIT" build -i "$BARE" -o "$WORK/out5" 2>/dev/null
pdftotext "$WORK/out5/rapport.pdf" - | tr '\n' ' ' >"$WORK/bare5.flat"
expect_not_contains "$WORK/bare5.flat" "Les villes du réseau"


# No network name: the shipped report names it in titles, so it says what
# to add, with the template's line.
sed -i '/<reseau /d' "$BARE/recit.xml"
expect_status 1 "no <reseau nom> is an error for the shipped report" \
  "$RECIT" build -i "$BARE" -o "$WORK/out4" 2>"$WORK/build4.err"
expect_contains "$WORK/build4.err" "layouts/rapport.xml:"
expect_contains "$WORK/build4.err" "add <reseau nom=\"...\"/> to recit.xml"

# A wrong date in recit.xml's history is an error at its line there.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<recit version="1">\n  <rapport titre="T" date="2026-09-15"/>\n  <periode debut="2025-01-01" fin="2026-06-30"/>\n  <reseau nom="Archipel"/>\n  <histoire>\n    <evenement date="vers 2013" libelle="Un essaim"/>\n  </histoire>\n</recit>\n' >"$BARE/recit.xml"
expect_status 1 "a bad history date is an error" \
  "$RECIT" build -i "$BARE" -o "$WORK/out7" 2>"$WORK/build7.err"
expect_contains "$WORK/build7.err" "bare/recit.xml:7: error: \"date\": expected a year or a month such as 2017 or 2017-04, found \"vers 2013\""

# A place that is not a number is an error at its line and column.
printf 'ville;latitude;longitude\nBrest;48,39;-4,49\nRennes;nord;-1,68\n' >"$BARE/lieux.csv"
expect_status 1 "a bad latitude is an error" "$RECIT" check -i "$BARE" 2>"$WORK/check6.err"
expect_contains "$WORK/check6.err" "lieux.csv:3:2: error: \"latitude\": expected a latitude in decimal degrees"
finish
