#!/usr/bin/env bash
# layouts/styles.xml: the shipped file gives the same bytes as the built-in
# look (a layouts folder without the file); a changed palette changes the
# PDF; a mistake stops `build`, `fiches` and `check` with file:line.
. "$(dirname "$0")/lib.sh"
cd "$SRC"

# The cover's top band is drawn in "primaire": its colour at (0, 0) of page 1.
corner() { pdftoppm -f 1 -l 1 -r 18 -x 0 -y 0 -W 1 -H 1 "$1" | tail -c 3 | od -An -tx1 | tr -d ' \n'; }

expect_status 0 "build with the shipped styles" "$RECIT" build -o "$WORK/shipped" -q
mkdir -p "$WORK/bare"
cp layouts/*.xml layouts/*.rng "$WORK/bare/"
rm "$WORK/bare/styles.xml"
expect_status 0 "build without styles.xml" "$RECIT" build -l "$WORK/bare" -o "$WORK/builtin" -q
check "shipped styles.xml = built-in look (byte-identical PDF)" \
  cmp -s "$WORK/shipped/rapport.pdf" "$WORK/builtin/rapport.pdf"
check "primary colour on the cover" test "$(corner "$WORK/shipped/rapport.pdf")" = 0b4f6c

mkdir -p "$WORK/red"
cp layouts/*.xml layouts/*.rng "$WORK/red/"
sed -i 's/<couleur nom="primaire" valeur="#0B4F6C"/<couleur nom="primaire" valeur="#C00000"/' \
  "$WORK/red/styles.xml"
expect_contains "$WORK/red/styles.xml" 'valeur="#C00000"'
expect_status 0 "build with a red primary" "$RECIT" build -l "$WORK/red" -o "$WORK/red-out" -q
check "a changed palette changes the PDF" \
  bash -c "! cmp -s '$WORK/shipped/rapport.pdf' '$WORK/red-out/rapport.pdf'"
check "the cover band is red" test "$(corner "$WORK/red-out/rapport.pdf")" = c00000

# Chart series colours come from the style sheet too: a changed serie-2
# (orange: the 2023 bars, the second slice of the QPV donut) changes the
# PDF, and the dumped page ops carry the new colour.
mkdir -p "$WORK/series"
cp layouts/*.xml layouts/*.rng "$WORK/series/"
sed -i 's/<couleur nom="serie-2" valeur="#E69F00"/<couleur nom="serie-2" valeur="#123456"/' \
  "$WORK/series/styles.xml"
expect_contains "$WORK/series/styles.xml" 'nom="serie-2" valeur="#123456"'
expect_status 0 "build with another serie-2" "$RECIT" build -l "$WORK/series" -o "$WORK/series-out" -q
check "a changed series colour changes the PDF" \
  bash -c "! cmp -s '$WORK/shipped/rapport.pdf' '$WORK/series-out/rapport.pdf'"
"$RECIT" build -l "$WORK/series" --dump pages >"$WORK/series.pages"
check "the new series colour is drawn" grep -qi "123456" "$WORK/series.pages"

# Page masters (<page>): without the element, the same bytes too.
mkdir -p "$WORK/nopage"
cp layouts/*.xml layouts/*.rng "$WORK/nopage/"
sed -i '/<page /,/pied=/d' "$WORK/nopage/styles.xml"
expect_not_contains "$WORK/nopage/styles.xml" '<page '
expect_status 0 "build without <page>" "$RECIT" build -l "$WORK/nopage" -o "$WORK/nopage-out" -q
check "no <page> = built-in page masters (byte-identical PDF)" \
  cmp -s "$WORK/shipped/rapport.pdf" "$WORK/nopage-out/rapport.pdf"

# Wider margins narrow the text column (the contents rule spans it: 478901
# units = 595.276 pt - 2 x 63.8 pt; 30 + 40 mm leave 396.85 pt, 406376 units); a footer
# "page" has no total.
expect_status 0 "dump with the shipped page" "$RECIT" build --dump pages -o "$WORK/d1" -q \
  >"$WORK/pages-shipped.txt"
expect_contains "$WORK/pages-shipped.txt" 'line 65331 142383 478901 0 '
expect_contains "$WORK/pages-shipped.txt" '"page 3 / '
mkdir -p "$WORK/page"
cp layouts/*.xml layouts/*.rng "$WORK/page/"
sed -i 's/marge-gauche="22.5072" marge-droite="22.5072"/marge-gauche="30" marge-droite="40"/; s/pied="page-sur-total"/pied="page"/' \
  "$WORK/page/styles.xml"
expect_contains "$WORK/page/styles.xml" 'marge-gauche="30" marge-droite="40"'
expect_status 0 "dump with wider margins" "$RECIT" build -l "$WORK/page" --dump pages \
  -o "$WORK/d2" -q >"$WORK/pages-wide.txt"
expect_contains "$WORK/pages-wide.txt" 'line 87080 '
expect_contains "$WORK/pages-wide.txt" ' 406376 0 #C5D0D6'
expect_not_contains "$WORK/pages-wide.txt" ' 478901 0 '
expect_contains "$WORK/pages-wide.txt" '"page 3"'
expect_not_contains "$WORK/pages-wide.txt" '"page 3 / '

# Mistakes: file:line, nothing written, the previous report intact.
mkdir -p "$WORK/bad"
cp layouts/*.xml layouts/*.rng "$WORK/bad/"
sed -i 's/<style nom="corps" famille="Liberation Serif"/<style nom="corps" famille="Arial"/' \
  "$WORK/bad/styles.xml"
cp "$WORK/shipped/rapport.pdf" "$WORK/before.pdf"
expect_status 1 "build with a bad style sheet" \
  "$RECIT" build -l "$WORK/bad" -o "$WORK/shipped" -q 2>"$WORK/bad.err"
expect_contains "$WORK/bad.err" "$WORK/bad/styles.xml:"
expect_contains "$WORK/bad.err" 'error: "famille": font family "Arial" is not among the shipped fonts; available: Liberation Serif, Inter, DejaVu Sans'
check "previous report intact" cmp -s "$WORK/before.pdf" "$WORK/shipped/rapport.pdf"
expect_status 1 "check with a bad style sheet" \
  "$RECIT" check -l "$WORK/bad" -q 2>"$WORK/check.err"
expect_contains "$WORK/check.err" 'font family "Arial"'
expect_status 1 "fiches with a bad style sheet" \
  "$RECIT" fiches -l "$WORK/bad" -o "$WORK/fiches" -q 2>"$WORK/fiches.err"
expect_contains "$WORK/fiches.err" 'font family "Arial"'
expect_status 0 "check with the shipped style sheet" "$RECIT" check -q
finish
