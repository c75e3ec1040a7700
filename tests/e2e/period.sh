#!/usr/bin/env bash
# The period rules (docs/inputs.md, « Period rules »): last year's finances
# are refused with the file, line and both periods; a collecting file that
# keeps everybody since the start builds, its out-of-period rows counted.
. "$(dirname "$0")/lib.sh"

fresh() { # fresh DIR: a copy of the sample year
  rm -rf "$1" && cp -r "$SRC/inputs" "$1"
}

# --- a stale finances.csv (the previous period) --------------------------------
fresh "$WORK/stale"
cat >"$WORK/stale/finances.csv" <<'CSV'
kpa;debut;fin;chiffre_affaires_ht
la-cape;01/01/2021;31/12/2021;15 213,00 €
coop-manau;01/03/2022;31/12/2023;107 457,00 €
moulins-coop;01/01/2024;31/12/2024;21 199,00 €
CSV
expect_status 1 "check, stale finances" "$RECIT" check -i "$WORK/stale" 2>"$WORK/stale-check.err"
expect_contains "$WORK/stale-check.err" "stale/finances.csv:2:3: error: \"fin\": expected a financial period within the reporting period 2022-03-01 to 2023-12-31 (recit.xml), found 2021-01-01 to 2021-12-31, entirely outside it"
expect_contains "$WORK/stale-check.err" "stale/finances.csv:4:2: error: \"debut\": expected a financial period within the reporting period 2022-03-01 to 2023-12-31 (recit.xml), found 2024-01-01 to 2024-12-31"
expect_not_contains "$WORK/stale-check.err" "finances.csv:3:"
expect_status 1 "build, stale finances" "$RECIT" build -i "$WORK/stale" -o "$WORK/stale-out" -l "$SRC/layouts" 2>"$WORK/stale-build.err"
check "no PDF from stale finances" test ! -e "$WORK/stale-out/rapport.pdf"
expect_contains "$WORK/stale-build.err" "entirely outside it"

# Positive control for the overlap rule: a row reaching over the start is
# counted whole, with a warning giving both periods and the days outside.
fresh "$WORK/overlap"
cat >"$WORK/overlap/finances.csv" <<'CSV'
kpa;debut;fin;chiffre_affaires_ht
la-cape;01/01/2022;31/12/2022;1 000,00 €
CSV
expect_status 0 "check, overlapping finances" "$RECIT" check -i "$WORK/overlap" 2>"$WORK/overlap.err"
expect_contains "$WORK/overlap.err" "overlap/finances.csv:2:2: warning: \"debut\": financial period 2022-01-01 to 2022-12-31 reaches outside the reporting period 2022-03-01 to 2023-12-31 (59 of its 365 days); it is counted whole"
"$RECIT" stats -i "$WORK/overlap" >"$WORK/overlap.csv" 2>/dev/null
expect_contains "$WORK/overlap.csv" "ca.total,,Chiffre d'affaires HT du réseau,1000.00,euros"
expect_contains "$WORK/overlap.csv" "lignes.finances.debordantes,,\"Lignes financières débordant de la période, comptées en entier\",1,count"

# --- a full history in activite.csv --------------------------------------------
fresh "$WORK/history"
{
  # 12 people who left before the period, 3 who entered after it, one who
  # left after it (present at its end), in the export's own CRLF lines.
  for i in $(seq 1 12); do
    printf 'H%04d;la-cape;F;25-39;;59;oui;non;non;non;bac;non;;non;non;03/02/2019;24;15/06/2020;cdi\r\n' "$i"
  done
  for i in 1 2 3; do
    printf 'N%04d;coop-manau;H;40-54;;59;non;non;non;non;bac;non;;non;non;15/01/2024;12;;\r\n' "$i"
  done
  printf 'L0001;coop-manau;H;40-54;;59;non;non;non;non;bac;non;;non;non;15/06/2023;12;15/03/2024;cdi\r\n'
} >>"$WORK/history/activite.csv"
expect_status 0 "check, full history" "$RECIT" check -i "$WORK/history" 2>"$WORK/history.err"
expect_contains "$WORK/history.err" "history/activite.csv: note: 12 people left before the period starting 2022-03-01: rows ignored"
expect_contains "$WORK/history.err" "history/activite.csv: note: 3 people entered after the period ending 2023-12-31: rows ignored"
expect_contains "$WORK/history.err" "history/activite.csv: note: 1 person left after the period ending 2023-12-31: counted as present at its end"
expect_not_contains "$WORK/history.err" "error:"
expect_status 0 "stats, full history" "$RECIT" stats -i "$WORK/history" >"$WORK/history.csv" 2>/dev/null
expect_contains "$WORK/history.csv" "coop.total,,Coopérant·es accompagné·es sur la période,268,"
expect_contains "$WORK/history.csv" "parcours.presents,parcours,Toujours dans un KPA en fin de période,170,"
expect_contains "$WORK/history.csv" "parcours.sortis,parcours,Sorti·es d'un KPA,98,"
expect_contains "$WORK/history.csv" "lignes.activite.lues,,Lignes lues dans le fichier d'activité,283,"
expect_contains "$WORK/history.csv" "lignes.activite.avant-periode,,Lignes ignorées : personnes sorties avant la période,12,"
expect_contains "$WORK/history.csv" "lignes.activite.apres-periode,,Lignes ignorées : personnes entrées après la période,3,"
expect_status 0 "build, full history" "$RECIT" build -i "$WORK/history" -o "$WORK/history-out" -l "$SRC/layouts" 2>"$WORK/history-build.err"
check "PDF from a full history" test -s "$WORK/history-out/rapport.pdf"
expect_contains "$WORK/history-build.err" "12 people left before the period"

# French: the coordinator reads « 12 personnes sorties avant la période ».
LANG=fr_FR.UTF-8 LC_ALL= LANGUAGE= "$RECIT" check -i "$WORK/history" 2>"$WORK/history-fr.err" >/dev/null
sed -i 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' "$WORK/history-fr.err"
expect_contains "$WORK/history-fr.err" "12 personnes sorties avant la période commençant le 2022-03-01 : lignes ignorées"

# The sample itself: every row kept.
"$RECIT" stats -i "$SRC/inputs" >"$WORK/sample.csv" 2>/dev/null
expect_contains "$WORK/sample.csv" "lignes.activite.avant-periode,,Lignes ignorées : personnes sorties avant la période,0,"
finish
