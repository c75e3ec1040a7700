#!/usr/bin/env bash
# Charts and tables that grow with the data never overflow a page (issue 12):
# a 45-KPA year with revenue by calendar year (90 bars) and a codebook of
# 300 effects builds with no message; no page has anything below its body
# but the footer (tests/e2e/check_overflow.py on the page trace, with its own
# positive control); the revenue chart continues with « (suite) » and holds
# every KPA and the network's total; the finance table repeats its header on
# each page; haut="12" gathers the rest into « Autres (33 KPA) » with the
# base stated; a deliberately oversized block fails with an error naming
# its template line and writes nothing; a golden image of a continued page.
# Called as: long_charts.sh RECIT SOURCE_DIR WORK_DIR PNG_COMPARE
. "$(dirname "$0")/lib.sh"
CMP="$4"
cd "$SRC" || exit 1
MARGIN=$(sed -n 's/.*<page[^>]*marge-bas="\([0-9.]*\)".*/\1/p' layouts/styles.xml)
CARDS="Kit d’entretien" # the cut-out cards: whole pages whose cut lines reach the margin
overflow() { python3 tests/e2e/check_overflow.py "$1" "$MARGIN" --skip-pages 1 --skip-with "$CARDS"; }

# --- the checker catches an overflow (positive control) -----------------------------
cat >"$WORK/bad.trace" <<'EOF'
page 1 609563 862095
page 2 609563 862095
text 65331 700000 #1F2A30 "Une ligne dans le corps"
rect 257553 780000 90000 30000 fill=#0B4F6C
text 490751 823183 #66737C "page 2 / 2"
end
EOF
check "checker: a bar over the footer is caught" test "$(overflow "$WORK/bad.trace" | grep -c 'below the body')" -eq 1
sed -i '/^rect 257553/d' "$WORK/bad.trace"
check "checker: the footer alone passes" overflow "$WORK/bad.trace"

# --- a 45-KPA year and 300 codes -----------------------------------------------------
BIG="$WORK/big"
python3 tests/e2e/gen_big_year.py inputs "$BIG" --scale 3 --codes 300 || fail "generator"
check "45 KPAs" test "$(tail -n +2 "$BIG/kpa.csv" | grep -c .)" -eq 45
check "300 codes" test "$(grep -c '<code ' "$BIG/entretiens/grille.xml")" -eq 300
expect_status 0 "45 KPAs, 300 codes: build" "$RECIT" build -i "$BIG" -o "$WORK/out" 2>"$WORK/big.err"
expect_not_contains "$WORK/big.err" "warning"
expect_not_contains "$WORK/big.err" "error"
"$RECIT" build -i "$BIG" -o "$WORK/trace" --dump pages >"$WORK/big.trace" 2>/dev/null
check "45 KPAs, 300 codes: nothing below any page's body" overflow "$WORK/big.trace"
"$RECIT" build -o "$WORK/trace" --dump pages >"$WORK/sample.trace" 2>/dev/null
check "sample: nothing below any page's body" overflow "$WORK/sample.trace"

# The texts of one chart (its Figure element, on every page it covers), one a
# line, with the no-break spaces as spaces; and how many pages it covers.
chart_text() { # chart_text TRACE TITLE_START [TEXT_OF_ITS_DESCRIPTION]
  python3 - "$1" "$2" "${3:-}" <<'PY'
import sys
trace, title, needle = sys.argv[1], sys.argv[2], sys.argv[3]
on, pages = False, 0
for line in open(trace, encoding="utf-8"):
    line = line.rstrip("\n").replace("\\u00A0", " ").replace("\\u202F", " ")
    if not on and line.startswith('tag "Figure" "' + title) and needle in line:
        on, pages = True, 1
        continue
    if on and line.startswith("end-tag"):
        break
    if on and line.startswith("page "):
        pages += 1
    if on and line.startswith("text "):
        print(line.split('"', 1)[1][:-1])
print(f"@pages {pages}")
PY
}
chart_text "$WORK/big.trace" "Chiffre d'affaires HT par KPA et par année" >"$WORK/ca.txt"
missing=0
while IFS=';' read -r _ nom _; do
  grep -qxF -- "$nom" "$WORK/ca.txt" || { missing=$((missing + 1)); echo "not in the chart: $nom" >&2; }
done < <(tail -n +2 "$BIG/kpa.csv")
check "revenue chart: all 45 KPAs" test "$missing" -eq 0
total=$(python3 - "$BIG/finances.csv" <<'PY'
import sys
cents = 0
for line in open(sys.argv[1], encoding="utf-8").read().splitlines()[1:]:
    v = line.split(";")[3].replace(" ", "").replace("€", "").replace(",", "")
    cents += int(v)
print(f"{round(cents / 100):,}".replace(",", " ") + " €")
PY
)
check "revenue chart: the network's total ($total)" grep -qF "Total du réseau : $total HT" "$WORK/ca.txt"
parts=$(sed -n 's/^@pages //p' "$WORK/ca.txt")
check "revenue chart: continued over 2 pages or more" test "$parts" -ge 2
check "revenue chart: « (suite) » on each continued page" \
  test "$(grep -cxF "Chiffre d’affaires HT par KPA et par année (suite)" "$WORK/ca.txt")" -eq $((parts - 1))
check "revenue chart: the legend on each page" test "$(grep -cxF "2023" "$WORK/ca.txt")" -eq "$parts"
# Every KPA gave yearly figures: the legend names no « période entière » series
# (the sample, where most KPAs gave one amount for the period, still does).
expect_not_contains "$WORK/ca.txt" "Période entière, non ventilée"
chart_text "$WORK/sample.trace" "Chiffre d'affaires HT par KPA et par année" >"$WORK/ca-sample.txt"
expect_contains "$WORK/ca-sample.txt" "Période entière, non ventilée"
chart_text "$WORK/big.trace" "Part des entretiens qui citent chaque effet" "Savoir-faire" >"$WORK/effets.txt"
check "effects chart of 285 codes: continued" grep -qF "Part des entretiens qui citent chaque effet (suite)" "$WORK/effets.txt"
check "effects chart: its last code is drawn" grep -qF "Savoir-faire n° 283 " "$WORK/effets.txt"

# --- the finance table: 45 rows and a total over pages, its header on each ---------
PDF="$WORK/out/rapport.pdf"
pages=$(pdfinfo "$PDF" | awk '/^Pages:/ {print $2}')
heads=""
for p in $(seq 1 "$pages"); do
  pdftotext -f "$p" -l "$p" "$PDF" - | grep -qx "Total période" && heads="$heads $p"
done
set -- $heads
check "finance table: split over 2 pages or more ($heads)" test "$#" -ge 2
check "finance table: header on consecutive pages" test "$(( ${!#} - $1 + 1 ))" -eq "$#"

# --- golden image of a continued chart page ------------------------------------------
p=""
for q in $(seq 1 "$pages"); do
  pdftotext -f "$q" -l "$q" "$PDF" - | grep -qF "par KPA et par année (suite)" && { p=$q; break; }
done
if [ -n "$p" ]; then
  pdftoppm -png -r 40 -f "$p" -l "$p" -singlefile "$PDF" "$WORK/suite"
  if [ -n "${UPDATE_GOLDEN:-}" ]; then cp "$WORK/suite.png" tests/golden/pages/long-chart-suite.png; fi
  if "$CMP" "$WORK/suite.png" tests/golden/pages/long-chart-suite.png "$WORK/suite-diff.png"; then ok
  else fail "page $p (continued chart) differs from tests/golden/pages/long-chart-suite.png: see $WORK/suite-diff.png"; fi
else
  fail "no continued revenue chart page"
fi

# --- haut="12": the 12 largest, then « Autres (33 KPA) », with the base stated -----
TOP="$WORK/layouts-top"
cp -r layouts "$TOP"
sed -i 's|<graphique type="barres" groupe="ca" ventilation="annees" tri="decroissant"|& haut="12"|' "$TOP/finances.xml"
check "haut=\"12\" set" grep -q 'haut="12"' "$TOP/finances.xml"
expect_status 0 "haut=12: build" "$RECIT" build -i "$BIG" -l "$TOP" -o "$WORK/top" 2>"$WORK/top.err"
expect_not_contains "$WORK/top.err" "warning"
"$RECIT" build -i "$BIG" -l "$TOP" -o "$WORK/trace" --dump pages >"$WORK/top.trace" 2>/dev/null
chart_text "$WORK/top.trace" "Chiffre d'affaires HT par KPA et par année" >"$WORK/top.txt"
check "haut=12: one page" grep -qx "@pages 1" "$WORK/top.txt"
expect_contains "$WORK/top.txt" "Autres (33 KPA)"
expect_contains "$WORK/top.txt" "Les 12 plus grandes valeurs sur 45 KPA sont détaillées ; la barre « Autres (33 KPA) » additionne les autres."
kpas=0
while IFS=';' read -r _ nom _; do grep -qxF -- "$nom" "$WORK/top.txt" && kpas=$((kpas + 1)); done \
  < <(tail -n +2 "$BIG/kpa.csv")
check "haut=12: 12 KPAs drawn one by one (found $kpas)" test "$kpas" -eq 12
check "haut=12: no overflow" overflow "$WORK/top.trace"
sed -i 's/haut="12"/haut="0"/' "$TOP/finances.xml"
expect_status 1 "haut=0 refused" "$RECIT" build -i "$BIG" -l "$TOP" -o "$WORK/top0" 2>"$WORK/top0.err"
expect_contains "$WORK/top0.err" '"haut": expected a number of bars from 1 to 100, found "0"'
sed -i 's/haut="0"/haut="12" max="5"/' "$TOP/finances.xml"
expect_status 1 "haut with max refused" "$RECIT" build -i "$BIG" -l "$TOP" -o "$WORK/top0" 2>"$WORK/top1.err"
expect_contains "$WORK/top1.err" '"haut" and "max" cannot be used together'

# --- identity sheets stay one page: no continuation, the sheet's own refusal ------
expect_status 0 "45 KPAs: a sheet" "$RECIT" fiches -i "$BIG" --kpa la-cape-r3 -o "$WORK/fiches" -q
check "45 KPAs: the sheet is one page" \
  test "$(pdfinfo "$WORK/fiches/fiches/la-cape-r3.pdf" | awk '/^Pages:/ {print $2}')" = 1
FT="$WORK/layouts-fiche"
cp -r layouts "$FT"
sed -i 's|<graphique type="empilees" groupe="age" titre="Tranches d.âge des coopérant·es"/>|&<graphique type="colonnes" groupe="age" hauteur="600" titre="Trop haut"/>|' "$FT/fiche.xml"
check "tall chart added to the sheet" grep -q 'hauteur="600"' "$FT/fiche.xml"
expect_status 1 "a sheet too long: refused" "$RECIT" fiches -i "$BIG" -l "$FT" --kpa la-cape -o "$WORK/fiches2" 2>"$WORK/fiche.err"
check "a sheet too long: its own message" grep -qE "error: .*the identity sheet of La Cape takes [0-9]+ pages, not one: shorten" "$WORK/fiche.err"
check "a sheet too long: no PDF" test ! -e "$WORK/fiches2/fiches/la-cape.pdf"

# --- a block no page can hold: an error at its template line, nothing written -------
BAD="$WORK/layouts-bad"
cp -r layouts "$BAD"
sed -i 's|<graphique type="barres" groupe="ca" ventilation="annees" tri="decroissant"|<graphique type="colonnes" groupe="ca" hauteur="700"|' "$BAD/finances.xml"
line=$(grep -n 'type="colonnes" groupe="ca" hauteur="700"' "$BAD/finances.xml" | cut -d: -f1)
check "oversized chart set" test -n "$line"
expect_status 1 "oversized block: exit 1" "$RECIT" build -l "$BAD" -o "$WORK/bad" 2>"$WORK/bad.err"
# libxml2 gives an element the line where its start tag ends.
at=$(sed -n 's/.*finances.xml:\([0-9]*\): error: block.*/\1/p' "$WORK/bad.err")
check "oversized block: at the element's line ($line, found $at)" test "${at:-0}" -ge "$line" -a "${at:-0}" -le $((line + 3))
check "oversized block: the error says what and why" \
  grep -qE "finances.xml:[0-9]+: error: block [0-9]+ \(chart \"Chiffre d'affaires HT par KPA et par ann…\"\) is taller than a page \([0-9]+ pt, [0-9]+ pt available\)" "$WORK/bad.err"
check "oversized block: nothing written" test ! -e "$WORK/bad/rapport.pdf"
expect_not_contains "$WORK/bad.err" "warning: block"
# In French, the same message.
LANGUAGE=fr "$RECIT" build -l "$BAD" -o "$WORK/bad" 2>"$WORK/bad-fr.err"
expect_contains "$WORK/bad-fr.err" "est plus haut qu’une page"
finish
