#!/usr/bin/env bash
# Page masters: <partie orientation="paysage"> sets its part on A4 landscape
# pages, in the same PDF, with the wider text width; the next part is
# portrait again. Checked in the doc tree, the page list and the PDF.
. "$(dirname "$0")/lib.sh"
cd "$SRC" || exit 1
LAY="$WORK/lay"
mkdir -p "$LAY" && cp layouts/*.rng layouts/styles.xml "$LAY/"
TEXT="Un paragraphe assez long pour occuper plusieurs lignes, afin de voir la largeur du texte changer d'une page à l'autre selon l'orientation de la partie. Encore une phrase pour allonger le paragraphe."
cat >"$LAY/ls.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<modele>
  <couverture/>
  <sommaire/>
  <partie id="a" titre="Portrait"><p>$TEXT</p></partie>
  <partie id="b" titre="Paysage" orientation="paysage">
    <p>$TEXT</p>
    <tableau titre="Un tableau large"><colonne titre="A"/><colonne titre="B"/>
      <ligne><cellule>1</cellule><cellule>2</cellule></ligne></tableau>
  </partie>
  <partie id="c" titre="Retour au portrait"><p>Fin.</p></partie>
</modele>
XML
run() { "$RECIT" build -l "$LAY" -t ls.xml "$@"; }
expect_status 0 "doc dump" run --dump doc >"$WORK/doc.txt" 2>/dev/null
expect_contains "$WORK/doc.txt" 'heading origin='"$LAY"'/ls.xml:6 level=1 landscape=1 id="b"'
expect_not_contains "$WORK/doc.txt" 'level=1 landscape=1 id="c"'
expect_status 0 "pages dump" run --dump pages >"$WORK/pages.txt" 2>/dev/null
check "pages: portrait, portrait, portrait, landscape, portrait" \
  bash -c "[ \"\$(grep '^page ' '$WORK/pages.txt' | cut -d' ' -f3,4 | tr '\n' ,)\" = '609563 862095,609563 862095,609563 862095,862095 609563,609563 862095,' ]"
# The running-head rule spans the text width of each master.
check "landscape text width" bash -c "awk '/^page 4 /,/^page 5 /' '$WORK/pages.txt' | grep -q '^line 65331 54272 731433 0 '"
check "portrait text width" bash -c "awk '/^page 5 /,0' '$WORK/pages.txt' | grep -q '^line 65331 54272 478901 0 '"
expect_status 0 "PDF" run -o "$WORK/out" -q
pdfinfo -f 1 -l 5 "$WORK/out/rapport.pdf" >"$WORK/info.txt"
expect_contains "$WORK/info.txt" "Page    3 size:  595.276 x 841.89 pts (A4)"
expect_contains "$WORK/info.txt" "Page    4 size:  841.89 x 595.276 pts (A4)"
expect_contains "$WORK/info.txt" "Page    5 size:  595.276 x 841.89 pts (A4)"
check "qpdf --check" bash -c "qpdf --check '$WORK/out/rapport.pdf' >/dev/null"
pdftotext -f 4 -l 4 "$WORK/out/rapport.pdf" "$WORK/p4.txt"
expect_contains "$WORK/p4.txt" "Un tableau large"
# A wrong value is refused with a suggestion.
sed -i 's/orientation="paysage"/orientation="paysages"/' "$LAY/ls.xml"
expect_status 1 "bad orientation" run --dump doc >/dev/null 2>"$WORK/bad.err"
expect_contains "$WORK/bad.err" 'ls.xml:6: error: "orientation": expected one of portrait, paysage, found "paysages"'
finish
