#!/usr/bin/env bash
# Optional columns (docs/inputs.md, « Optional columns »): mission_locale and
# inscrit_pe_pendant may be absent or empty. Absent: the figures read « non
# renseigné » and the report leaves their tiles out instead of printing 0 %.
# Partly empty: the shares are over the people who have an answer.
. "$(dirname "$0")/lib.sh"

# drop_columns IN OUT NAME...: activite.csv without the named columns.
drop_columns() {
  local in="$1" out="$2"; shift 2
  python3 - "$in" "$out" "$@" <<'PY'
import sys
src, dst, names = sys.argv[1], sys.argv[2], set(sys.argv[3:])
raw = open(src, encoding="utf-8-sig", newline="").read()
lines = raw.split("\r\n")
head = lines[0].split(";")
keep = [i for i, h in enumerate(head) if h not in names]
with open(dst, "w", encoding="utf-8-sig", newline="") as f:
    f.write("\r\n".join(";".join(l.split(";")[i] for i in keep) if l else l for l in lines))
PY
}

# Positive control: the sample prints both tiles.
expect_status 0 "build the sample" "$RECIT" build -q -i "$SRC/inputs" -o "$WORK/sample-out" -l "$SRC/layouts"
pdftotext "$WORK/sample-out/rapport.pdf" "$WORK/sample.txt"
expect_contains "$WORK/sample.txt" "Mission locale"
expect_contains "$WORK/sample.txt" "pendant leur parcours"
expect_contains "$WORK/sample.txt" "soit 18 sur 267 coopérant·es"

# --- both columns absent ----------------------------------------------------------
rm -rf "$WORK/absent" && cp -r "$SRC/inputs" "$WORK/absent"
drop_columns "$SRC/inputs/activite.csv" "$WORK/absent/activite.csv" mission_locale inscrit_pe_pendant
expect_status 0 "check without the optional columns" "$RECIT" check -i "$WORK/absent" 2>"$WORK/absent.err"
expect_contains "$WORK/absent.err" "absent/activite.csv:1: note: \"inscrit_pe_pendant\": optional column absent: its figures are published as not collected"
expect_contains "$WORK/absent.err" "absent/activite.csv:1: note: \"mission_locale\": optional column absent"
expect_not_contains "$WORK/absent.err" "error:"
expect_status 0 "stats without the optional columns" "$RECIT" stats -i "$WORK/absent" >"$WORK/absent.csv"
expect_contains "$WORK/absent.csv" "emploi.mission-locale,emploi,Jeunes orienté·es par une Mission locale,non renseigné,count,0,renseigne.mission-locale,,,"
expect_contains "$WORK/absent.csv" "emploi.pe-pendant,emploi,Inscrit·es à Pôle emploi pendant le parcours,non renseigné,count,0,renseigne.pe-pendant,,,"
expect_contains "$WORK/absent.csv" "renseigne.mission-locale,,Coopérant·es dont l'orientation par une Mission locale est renseignée,0,count"
# The other figures do not move.
expect_contains "$WORK/absent.csv" "emploi.pe-avant,emploi,Inscrit·es à Pôle emploi avant l'entrée,72,count,267,coop.total"
"$RECIT" stats -i "$WORK/absent" --format json >"$WORK/absent.json"
expect_contains "$WORK/absent.json" '"id": "emploi.mission-locale", "group": "emploi", "label": "Jeunes orienté·es par une Mission locale", "value": null, "unit": "count", "base": 0, "base_id": "renseigne.mission-locale", "collected": false'
check "absent.json is valid JSON" python3 -m json.tool "$WORK/absent.json"
expect_status 0 "build without the optional columns" "$RECIT" build -q -i "$WORK/absent" -o "$WORK/absent-out" -l "$SRC/layouts"
pdftotext "$WORK/absent-out/rapport.pdf" "$WORK/absent.txt"
# No tile for them, so no « 0 % » of anything not collected.
expect_not_contains "$WORK/absent.txt" "de jeunes orienté·es par une"
check "no tile « pendant leur parcours »" bash -c "! grep -qx 'pendant leur parcours' '$WORK/absent.txt'"
check "positive control: the sample has that tile" grep -qx 'pendant leur parcours' "$WORK/sample.txt"
expect_not_contains "$WORK/absent.txt" "soit 0 sur 267"
# Not one « 0 % » more than the sample has (its real zeros).
zeros() { grep -cE '(^|[^0-9,])0 ?%' "$1"; }
check "no new 0 % ($(zeros "$WORK/absent.txt") vs $(zeros "$WORK/sample.txt"))" test "$(zeros "$WORK/absent.txt")" -le "$(zeros "$WORK/sample.txt")"
expect_contains "$WORK/absent.txt" "leur entrée"

# --- partly empty ----------------------------------------------------------------
rm -rf "$WORK/partial" && cp -r "$SRC/inputs" "$WORK/partial"
# Empty mission_locale (column 15) on the first 67 data rows.
python3 - "$SRC/inputs/activite.csv" "$WORK/partial/activite.csv" <<'PY'
import sys
raw = open(sys.argv[1], encoding="utf-8-sig", newline="").read().split("\r\n")
out = [raw[0]]
for n, l in enumerate(raw[1:]):
    f = l.split(";")
    if l and n < 67:
        f[14] = ""
    out.append(";".join(f) if l else l)
open(sys.argv[2], "w", encoding="utf-8-sig", newline="").write("\r\n".join(out))
PY
expect_status 0 "check, partly empty" "$RECIT" check -i "$WORK/partial" 2>"$WORK/partial.err"
expect_contains "$WORK/partial.err" "partial/activite.csv:1:15: note: \"mission_locale\": 67 empty cells of 267: not given for those people; the shares are computed over the others"
"$RECIT" stats -i "$WORK/partial" >"$WORK/partial.csv"
expect_contains "$WORK/partial.csv" "renseigne.mission-locale,,Coopérant·es dont l'orientation par une Mission locale est renseignée,200,count"
check "mission-locale is a share of the 200 who answered" grep -qE '^emploi\.mission-locale,emploi,[^,]*,[0-9]+,count,200,renseigne\.mission-locale,' "$WORK/partial.csv"
# A bad value in an optional column is still an error.
sed -i '100s/;non;\([0-9][0-9]\/\)/;peut-être;\1/' "$WORK/partial/activite.csv"
expect_status 1 "bad value in an optional column" "$RECIT" check -i "$WORK/partial" 2>"$WORK/bad.err"
expect_contains "$WORK/bad.err" "error: \"mission_locale\": expected oui or non"
# Templates: a loop over the group leaves the figure out, <si renseigne>
# chooses, an expression says « non renseigné » (positive control: the
# sample, where both are collected).
rm -rf "$WORK/layouts" && cp -r "$SRC/layouts" "$WORK/layouts"
cat >"$WORK/layouts/opt.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<modele>
  <partie id="opt" titre="Optionnel">
    <pour-chaque groupe="emploi" variable="f"><p>LOOP {$f|libelle}</p></pour-chaque>
    <si renseigne="emploi.mission-locale"><p>ML COLLECTED</p>
      <sinon><p>ML NOT COLLECTED</p></sinon></si>
    <p>ML VALUE {emploi.mission-locale|pourcent}</p>
  </partie>
</modele>
XML
for v in sample absent; do
  in="$SRC/inputs"; [ "$v" = absent ] && in="$WORK/absent"
  expect_status 0 "template on $v" "$RECIT" build --dump doc -i "$in" -l "$WORK/layouts" -t opt.xml >"$WORK/opt-$v.txt"
done
expect_contains "$WORK/opt-sample.txt" "LOOP Jeunes orienté·es par une Mission locale"
expect_contains "$WORK/opt-sample.txt" "ML COLLECTED"
expect_contains "$WORK/opt-sample.txt" "ML VALUE 5"
expect_not_contains "$WORK/opt-absent.txt" "LOOP Jeunes orienté·es par une Mission locale"
expect_contains "$WORK/opt-absent.txt" "LOOP Inscrit·es à Pôle emploi avant l'entrée"
expect_contains "$WORK/opt-absent.txt" "ML NOT COLLECTED"
expect_contains "$WORK/opt-absent.txt" "ML VALUE non renseigné"
finish
