#!/usr/bin/env bash
# <image>: a PNG of the inputs folder in the doc tree, the page list and the
# PDF; mistakes (missing file, not a PNG, a name leaving the inputs folder,
# absurd sizes, a bad width) reported with file:line and nothing built.
. "$(dirname "$0")/lib.sh"
cd "$SRC" || exit 1
IN="$WORK/in" LAY="$WORK/lay"
mkdir -p "$IN" "$LAY"
cp inputs/*.csv inputs/recit.xml "$IN/" && cp -r inputs/images "$IN/"
cp layouts/*.rng layouts/styles.xml "$LAY/"
# page TEMPLATE-BODY: a one-part template in $LAY/img.xml.
page() {
  { echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<modele>'
    echo '  <partie id="p" titre="Images">'
    printf '%s\n' "$1"
    echo '  </partie>'
    echo '</modele>'; } >"$LAY/img.xml"
}
run() { "$RECIT" build -i "$IN" -l "$LAY" -t img.xml "$@"; }

# 1. The element in the doc tree, the pages and the PDF.
page '    <image fichier="images/reseau.png" largeur="50%" legende="Les villes du réseau" alt="Carte des villes"/>
    <saut-de-page/>
    <image fichier="images/reseau.png" largeur="60mm"/>'
expect_status 0 "doc dump" run --dump doc >"$WORK/doc.txt" 2>"$WORK/doc.err"
expect_contains "$WORK/doc.txt" "image origin=$LAY/img.xml:4 text=\"Les villes du réseau\" subtitle=\"Carte des villes\" path=\"$IN/images/reseau.png\" px=900x600 width=50.0%"
expect_contains "$WORK/doc.txt" "image origin=$LAY/img.xml:6 path=\"$IN/images/reseau.png\" px=900x600 width=60.0mm"
expect_contains "$WORK/doc.err" "img.xml:6: warning: <image> has neither \"alt\" nor \"legende\""
expect_status 0 "pages dump" run --dump pages >"$WORK/pages.txt" 2>/dev/null
# 50 % of the 165 mm text width, aspect ratio 3:2, centred.
expect_contains "$WORK/pages.txt" "image \"$IN/images/reseau.png\" 185056 "
check "50 % and 60 mm wide, aspect ratio kept" \
  awk '$1 == "image" { n++; w[n] = $5; if ($6 * 3 < $5 * 2 - 3 || $6 * 3 > $5 * 2 + 3) bad = 1 }
       END { exit !(n == 2 && !bad && w[1] == 239451 && w[2] == 174161) }' "$WORK/pages.txt"
expect_contains "$WORK/pages.txt" 'tag "Figure" "Carte des villes"'
expect_status 0 "PDF" run -o "$WORK/out" -q
pdfimages -list "$WORK/out/rapport.pdf" >"$WORK/images.txt" 2>&1
check "the PDF shows the picture twice, stored once" \
  bash -c "[ \$(awk '\$3 == \"image\" && \$4 == 900 && \$5 == 600 { print \$11 }' '$WORK/images.txt' | sort | uniq -c | awk '\$1 == 2' | wc -l) -eq 1 ]"
check "qpdf --check" bash -c "qpdf --check '$WORK/out/rapport.pdf' >/dev/null"

# 2. The sample report draws its map from inputs/lieux.csv; without places,
# it shows the year folder's picture inputs/images/reseau.png instead.
expect_status 0 "sample report" "$RECIT" build -q -o "$WORK/sample"
check "sample report draws the map, no picture" \
  bash -c "! pdfimages -list '$WORK/sample/rapport.pdf' | awk '\$4 == 900 && \$5 == 600' | grep -q ."
cp -r inputs "$WORK/noplaces" && rm "$WORK/noplaces/lieux.csv"
expect_status 0 "sample report without places" "$RECIT" build -q -i "$WORK/noplaces" -o "$WORK/sample2"
check "without places, the report holds inputs/images/reseau.png" \
  bash -c "pdfimages -list '$WORK/sample2/rapport.pdf' | awk '\$4 == 900 && \$5 == 600' | grep -q ."

# 3. Mistakes.
# refused NAME BODY MESSAGE: the build fails with MESSAGE, no PDF.
refused() {
  page "$2"
  expect_status 1 "$1" run -o "$WORK/out-$1" 2>"$WORK/$1.err"
  expect_contains "$WORK/$1.err" "$3"
  check "$1: no PDF" test ! -e "$WORK/out-$1/rapport.pdf"
}
refused missing '<image fichier="images/absente.png"/>' \
  "recit: $LAY/img.xml:4: error: \"fichier\": cannot read the image $IN/images/absente.png: No such file or directory"
echo "pas une image" >"$IN/images/texte.png"
refused not-png '<image fichier="images/texte.png"/>' \
  "recit: $LAY/img.xml:4: error: \"fichier\": the image $IN/images/texte.png is not a PNG file (only PNG images are supported)"
refused dotdot '<image fichier="../inputs/images/reseau.png"/>' \
  "recit: $LAY/img.xml:4: error: \"fichier\": \"../inputs/images/reseau.png\" is a path with \"..\": name a file inside the inputs folder ($IN/)"
refused absolute "<image fichier=\"$SRC/inputs/images/reseau.png\"/>" \
  "is an absolute path: name a file inside the inputs folder"
ln -sf "$SRC/inputs/images/reseau.png" "$IN/images/lien.png"
refused symlink '<image fichier="images/lien.png"/>' \
  "the image $IN/images/lien.png leads outside the inputs folder through a symbolic link"
# A header claiming 20000 x 10 pixels.
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x4e\x20\x00\x00\x00\x0a\x08\x02\x00\x00\x00' >"$IN/images/large.png"
refused huge '<image fichier="images/large.png"/>' \
  "the image $IN/images/large.png is 20000 x 10 pixels: expected 1 to 10000 on each side"
truncate -s 21M "$IN/images/gros.png"
refused heavy '<image fichier="images/gros.png"/>' "the image $IN/images/gros.png is larger than 20 MB"
rm -f "$IN/images/gros.png"
refused width '<image fichier="images/reseau.png" largeur="150%"/>' \
  "img.xml:4: error: \"largeur\": expected a percentage of the text width (1 to 100 %, e.g. \"50%\") or millimetres (e.g. \"80mm\"), found \"150%\""
refused no-file '<image largeur="50%"/>' "img.xml: error: does not match the schema: Element image failed to validate attributes"
finish
