#!/usr/bin/env bash
# The report and an identity sheet are tagged, identified PDFs
# (docs/accessibility.md): check_pdfua.py reads their structure back with
# qpdf and asserts the PDF/UA-1 and PDF/A-2 clauses it covers; its
# --self-test also breaks copies of the report's structure (a Figure without
# /Alt, a skipped heading level, no /Lang, a link without description, no
# DisplayDocTitle) and must catch each one.
. "$(dirname "$0")/lib.sh"
cd "$SRC"
CHECK="$SRC/tests/e2e/check_pdfua.py"

expect_status 0 "build sample" "$RECIT" build -i inputs -o "$WORK/out" -q
PDF="$WORK/out/rapport.pdf"
expect_status 0 "report: structure and identification" python3 "$CHECK" --self-test "$PDF"
check "qpdf --check" qpdf --check "$PDF"
pdfinfo "$PDF" >"$WORK/info.txt"
expect_contains "$WORK/info.txt" "Tagged:          yes"
expect_contains "$WORK/info.txt" "PDF version:     1.7"
expect_contains "$WORK/info.txt" "Encrypted:       no"
pdfinfo -meta "$PDF" >"$WORK/meta.txt"
expect_contains "$WORK/meta.txt" "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Récit évaluatif du réseau KPA-Cité</rdf:li>"
expect_contains "$WORK/meta.txt" "<pdfaid:conformance>U</pdfaid:conformance>"
# The figure descriptions are the charts' generated text, in French.
qpdf --json=2 "$PDF" >"$WORK/struct.json"
check "a figure's /Alt in French" grep -q '"/Alt": "u:[^"]*[a-zé]' "$WORK/struct.json"
check "a link described by its target" grep -q '"/Contents": "u:Aller à' "$WORK/struct.json"
# The structure does not change the pages.
expect_status 0 "second build" "$RECIT" build -i inputs -o "$WORK/out2" -q
check "byte-identical builds" cmp "$PDF" "$WORK/out2/rapport.pdf"

expect_status 0 "identity sheets" "$RECIT" fiches -i inputs -o "$WORK/f" -q -j1
SHEET=$(ls "$WORK"/f/fiches/*.pdf | head -1)
check "an identity sheet" test -s "$SHEET"
expect_status 0 "identity sheet: structure and identification" python3 "$CHECK" "$SHEET"
finish
