#!/usr/bin/env bash
# `recit check` on broken inputs: every problem is reported with
# file:line:column, the column, what was expected and what was found; the
# exit status is 1; nothing is written.
. "$(dirname "$0")/lib.sh"
cd "$SRC"

# 1. One mistake of each kind; the messages are compared exactly.
expect_status 1 "check broken" "$RECIT" check -i tests/fixtures/broken 2>"$WORK/broken.diag"
if diff -u tests/e2e/expected/broken.diag "$WORK/broken.diag"; then ok; else fail "messages differ from tests/e2e/expected/broken.diag"; fi

# 2. build refuses the same inputs and writes nothing.
expect_status 1 "build broken" "$RECIT" build -i tests/fixtures/broken -o "$WORK/out" 2>"$WORK/build.diag"
check "no output folder content after a failed build" test ! -e "$WORK/out/rapport.pdf"
expect_contains "$WORK/build.diag" "nothing was written"
expect_status 1 "stats broken" "$RECIT" stats -i tests/fixtures/broken >/dev/null 2>&1

# 3. A missing required column names the file, the header line and the column.
mkdir -p "$WORK/nocol" && cp tests/fixtures/mini/* "$WORK/nocol/"
sed -i '1s/,sexe,/,genre,/' "$WORK/nocol/activite.csv"
expect_status 1 "missing column" "$RECIT" check -i "$WORK/nocol" 2>"$WORK/nocol.diag"
expect_contains "$WORK/nocol.diag" "nocol/activite.csv:1: error: \"sexe\": required column is missing from the header"
expect_contains "$WORK/nocol.diag" "nocol/activite.csv:1:3: warning: \"genre\": unknown column, ignored"

# 4. A Windows-1252 export is converted, with a warning that says how to fix it.
mkdir -p "$WORK/cp1252" && cp tests/fixtures/mini/* "$WORK/cp1252/"
printf 'id;nom;ville;departement\r\nla-ruche;La Ruche \xe9t\xe9;Lille;59\r\nle-quai;Le Quai;Arras;62\r\n' >"$WORK/cp1252/kpa.csv"
expect_status 0 "cp1252 converted" "$RECIT" check -t rapport-court.xml -i "$WORK/cp1252" 2>"$WORK/cp1252.diag"
expect_contains "$WORK/cp1252.diag" "cp1252/kpa.csv:2:"
expect_contains "$WORK/cp1252.diag" "Windows-1252"
expect_contains "$WORK/cp1252.diag" "UTF-8"

# 5. Bytes that are neither UTF-8 nor Windows-1252 are refused with a location.
mkdir -p "$WORK/binary" && cp tests/fixtures/mini/* "$WORK/binary/"
printf 'id;nom;ville;departement\nla-ruche;La \x81\x8d;Lille;59\n' >"$WORK/binary/kpa.csv"
expect_status 1 "invalid encoding" "$RECIT" check -i "$WORK/binary" 2>"$WORK/binary.diag"
expect_contains "$WORK/binary.diag" "binary/kpa.csv:2:"

# 6. A missing inputs folder is named, once: a system error, exit 3
#    (README.md), for every command that reads it.
expect_status 3 "missing folder" "$RECIT" check -i "$WORK/nowhere" 2>"$WORK/nowhere.diag"
expect_contains "$WORK/nowhere.diag" "nowhere: fatal: cannot open: No such file or directory"
expect_not_contains "$WORK/nowhere.diag" "kpa.csv"

# 7. XML that is not well-formed gives line and column, in plain words.
mkdir -p "$WORK/badxml" && cp tests/fixtures/mini/* "$WORK/badxml/"
printf '<?xml version="1.0"?>\n<recit>\n  <rapport titre="x" date="2024-01-15">\n</recit>\n' >"$WORK/badxml/recit.xml"
expect_status 1 "bad xml" "$RECIT" check -i "$WORK/badxml" 2>"$WORK/badxml.diag"
expect_contains "$WORK/badxml.diag" "badxml/recit.xml:4:9: error: expected </rapport> to close <rapport> of line 3, found </recit>"

# 8. The clean mini fixture passes.
expect_status 0 "check mini" "$RECIT" check -t rapport-court.xml -i tests/fixtures/mini 2>"$WORK/mini.diag"
expect_contains "$WORK/mini.diag" "2 KPA, 5 coopérant·es, 3 financial rows: no errors"
# 9. check also reads what build would: templates, narrative, sheets.
mkdir -p "$WORK/full" && cp -r inputs/. "$WORK/full/"
sed -i '0,/<p>/s//<p>{coop.totale} /' "$WORK/full/narratif/demarche.xml"
expect_status 1 "narrative with an unknown figure" "$RECIT" check -i "$WORK/full" 2>"$WORK/full.diag"
expect_contains "$WORK/full.diag" "full/narratif/demarche.xml:"
expect_contains "$WORK/full.diag" 'unknown figure "coop.totale" (did you mean "coop.total"?)'
cp inputs/narratif/demarche.xml "$WORK/full/narratif/demarche.xml"
rm "$WORK/full/narratif/conclusion.xml"
expect_status 1 "missing narrative file" "$RECIT" check -i "$WORK/full" 2>"$WORK/full2.diag"
expect_contains "$WORK/full2.diag" "full/narratif/conclusion.xml: No such file or directory"
# 10. One message per problem (issue 14): a wrong identity sheet is read by
# the report and again by check, and said once; build's note then sends the
# user to the inputs, not to the layouts; a kpa.csv without ids gives its own
# error, not one per reference.
mkdir -p "$WORK/sheet" && cp -r inputs/. "$WORK/sheet/"
sed -i '0,/<\/activite>/s//<gras\/><\/activite>/' "$WORK/sheet/fiches/la-cape.xml"
expect_status 1 "check a wrong sheet" "$RECIT" check -i "$WORK/sheet" 2>"$WORK/sheet.diag"
check "the sheet's error is given once ($(grep -c 'la-cape.xml' "$WORK/sheet.diag"))" \
  test "$(grep -c 'la-cape.xml:.*holds text only' "$WORK/sheet.diag")" = 1
expect_contains "$WORK/sheet.diag" "recit: 1 error, "
expect_status 1 "build with a wrong sheet" "$RECIT" build -i "$WORK/sheet" -o "$WORK/sheet-out" 2>"$WORK/sheet-build.diag"
expect_contains "$WORK/sheet-build.diag" "the inputs have errors; nothing was written"
expect_not_contains "$WORK/sheet-build.diag" "layout templates have errors"
mkdir -p "$WORK/noid" && cp -r inputs/. "$WORK/noid/"
sed -i '1s/^id;/ident;/' "$WORK/noid/kpa.csv"
expect_status 1 "kpa.csv without ids" "$RECIT" check --max-errors 0 -i "$WORK/noid" 2>"$WORK/noid.diag"
expect_contains "$WORK/noid.diag" 'kpa.csv:1: error: "id": required column is missing from the header'
expect_contains "$WORK/noid.diag" "references to KPAs are not checked until kpa.csv is fixed"
expect_not_contains "$WORK/noid.diag" "no such KPA"
# 11. Identity and arithmetic (issue 14): ids that differ only in case or
# punctuation, a name that is another KPA's name, and revenue near the 64-bit
# limit are located errors, not a lost sheet or a negative total.
mkdir -p "$WORK/ids" && cp -r inputs/. "$WORK/ids/"
printf '%s\n' "LA-CAPE;La Cape bis;Roubaix;;59;2020" "la cape;Cape trois;Roubaix;;59;2020" \
  "autre;Rhizome;Lille;;59;2020" >>"$WORK/ids/kpa.csv"
expect_status 1 "colliding KPA ids" "$RECIT" check -i "$WORK/ids" 2>"$WORK/ids.diag"
expect_contains "$WORK/ids.diag" 'error: "id": KPA ids "LA-CAPE" and "la-cape" (line 2) differ only in case or punctuation: both would write fiches/la-cape.pdf'
expect_contains "$WORK/ids.diag" 'error: "id": KPA ids "la cape" and "la-cape" (line 2) differ only in case or punctuation'
expect_contains "$WORK/ids.diag" 'error: "nom": KPA name "Rhizome" is also the name of KPA rhizome'
check "one message per colliding KPA ($(grep -c 'kpa.csv:1[789]' "$WORK/ids.diag"))" \
  test "$(grep -c 'kpa.csv:1[789]' "$WORK/ids.diag")" = 3
mkdir -p "$WORK/big" && cp -r inputs/. "$WORK/big/"
sed -i '2s/;[0-9 ]*,[0-9]* €;/;92233720368547758,00 €;/; 3s/;[0-9 ]*,[0-9]* €;/;92233720368547758,00 €;/' "$WORK/big/finances.csv"
expect_status 1 "revenue near the 64-bit limit" "$RECIT" build -i "$WORK/big" -o "$WORK/big-out" 2>"$WORK/big.diag"
expect_contains "$WORK/big.diag" 'finances.csv:2:4: error: "chiffre_affaires_ht": expected an amount under 1 000 000 000 €'
check "nothing written for the overflowing revenue" test ! -e "$WORK/big-out/rapport.pdf"
finish
