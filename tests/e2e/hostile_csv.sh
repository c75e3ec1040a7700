#!/usr/bin/env bash
# Hostile and degenerate CSV files given to `recit check` and `recit build`:
# each is reported once, located, with exit status 1 (or accepted, for a
# large but legal file), quickly and without a flood of messages. Every file
# is generated here in the work folder; the large ones are deleted at the end.
# docs/robustness.md lists the cases.
. "$(dirname "$0")/lib.sh"
cd "$SRC"
MINI="$SRC/tests/fixtures/mini"
# fresh NAME: a copy of the mini inputs in $WORK/NAME.
fresh() { rm -rf "${WORK:?}/$1" && mkdir -p "$WORK/$1" && cp "$MINI"/* "$WORK/$1/"; }
# elapsed_ok SECONDS CMD...: runs CMD (status ignored), fails if slower.
elapsed_ok() {
  local max="$1"; shift
  local t0; t0=$(date +%s%N)
  "$@"
  local ms=$((($(date +%s%N) - t0) / 1000000))
  max=$((max * ${RECIT_TIME_FACTOR:-1})) # scripts/valgrind.sh is slower
  if [ "$ms" -le $((max * 1000)) ]; then ok; else fail "$*: ${ms} ms, expected under ${max} s"; fi
}

# 1. Invalid UTF-8 (bytes that are not Windows-1252 either) is located.
fresh utf8
printf 'id;nom;ville;departement\nla-ruche;La Ruche;Lille;59\nle-quai;Le \x81\x8dQuai;Arras;62\n' >"$WORK/utf8/kpa.csv"
expect_status 1 "invalid UTF-8" "$RECIT" check -t rapport-court.xml -i "$WORK/utf8" 2>"$WORK/utf8.err"
expect_contains "$WORK/utf8.err" "utf8/kpa.csv:3:2: error: not valid UTF-8 (byte 0x81); save it as 'CSV UTF-8' in your spreadsheet"

# 2. A NUL byte: not a text file.
fresh nul
printf 'id;nom;ville;departement\nla-ruche;La\0Ruche;Lille;59\nle-quai;Le Quai;Arras;62\n' >"$WORK/nul/kpa.csv"
expect_status 1 "NUL byte" "$RECIT" check -t rapport-court.xml -i "$WORK/nul" 2>"$WORK/nul.err"
expect_contains "$WORK/nul.err" "nul/kpa.csv:2:2: error: NUL byte: this is not a CSV text file; save it as 'CSV UTF-8' in your spreadsheet"

# 3. A header without rows is an error, said once (not one error per figure
#    of the templates, which is what an empty year used to give in build).
fresh header
head -1 "$MINI/activite.csv" >"$WORK/header/activite.csv"
expect_status 1 "header only (check)" "$RECIT" check -t rapport-court.xml -i "$WORK/header" 2>"$WORK/header.err"
expect_contains "$WORK/header.err" "header/activite.csv: error: no coopérant·e is listed: at least one row is expected"
expect_status 1 "header only (build)" "$RECIT" build -i "$WORK/header" -o "$WORK/header-out" 2>"$WORK/header-build.err"
expect_contains "$WORK/header-build.err" "the inputs have errors; nothing was written"
check "header only: one error" grep -qx "recit: 1 error, 0 warnings" "$WORK/header-build.err"
check "header only: no PDF" test ! -e "$WORK/header-out/rapport.pdf"
fresh kpahead
head -1 "$MINI/kpa.csv" >"$WORK/kpahead/kpa.csv"
expect_status 1 "kpa.csv header only" "$RECIT" check -t rapport-court.xml -i "$WORK/kpahead" 2>"$WORK/kpahead.err"
expect_contains "$WORK/kpahead.err" "kpahead/kpa.csv: error: no KPA is listed: at least one row is expected"

# 4. An empty file.
fresh empty
: >"$WORK/empty/activite.csv"
expect_status 1 "empty file" "$RECIT" check -t rapport-court.xml -i "$WORK/empty" 2>"$WORK/empty.err"
expect_contains "$WORK/empty.err" "empty/activite.csv: error: file is empty: a header line naming the columns is expected"

# 5. Ten thousand unknown columns: fast, every one counted, at most
#    --max-errors shown.
fresh wide
{ head -1 "$MINI/activite.csv" | tr -d '\n'; seq -f ',x%g' 1 10000 | tr -d '\n'; echo; tail -n +2 "$MINI/activite.csv"; } >"$WORK/wide/activite.csv"
elapsed_ok 10 "$RECIT" check -t rapport-court.xml -i "$WORK/wide" 2>"$WORK/wide.err"
expect_contains "$WORK/wide.err" 'wide/activite.csv:1:19: warning: "x1": unknown column, ignored'
expect_contains "$WORK/wide.err" "recit: 0 errors, 10000 warnings"
expect_contains "$WORK/wide.err" "more than 50 problems; the rest are counted but not shown"
check "default cap: at most 55 lines ($(wc -l <"$WORK/wide.err"))" test "$(wc -l <"$WORK/wide.err")" -le 55
"$RECIT" check -t rapport-court.xml --max-errors 5 -i "$WORK/wide" 2>"$WORK/wide5.err"
check "--max-errors 5: at most 10 lines ($(wc -l <"$WORK/wide5.err"))" test "$(wc -l <"$WORK/wide5.err")" -le 10
expect_contains "$WORK/wide5.err" "recit: 0 errors, 10000 warnings"

# 6. A 100,000-character field: the field limit, located.
fresh field
{ echo 'id;nom;ville;departement'; printf 'la-ruche;%s;Lille;59\n' "$(head -c 100000 /dev/zero | tr '\0' A)"; echo 'le-quai;Le Quai;Arras;62'; } >"$WORK/field/kpa.csv"
expect_status 1 "long field" "$RECIT" check -t rapport-court.xml -i "$WORK/field" 2>"$WORK/field.err"
expect_contains "$WORK/field.err" "field/kpa.csv:2:2: error: field is 100000 bytes long, more than the limit of 65536 bytes"

# 7. Size: a 50 MB activite.csv (500,000 rows, far beyond any network) is
#    under the 64 MiB limit and is read in seconds; one byte over the limit
#    is refused before it is parsed.
fresh big
{ head -1 "$MINI/activite.csv"; row=$(sed -n 2p "$MINI/activite.csv" | cut -d, -f2-)
  seq -f "Q%07g,$row" 1 500000; } >"$WORK/big/activite.csv"
size=$(stat -c %s "$WORK/big/activite.csv")
check "generated file is about 50 MB ($size)" test "$size" -ge 50000000 -a "$size" -lt 67108864
elapsed_ok 60 expect_status 0 "50 MB CSV accepted" "$RECIT" check -t rapport-court.xml -i "$WORK/big" 2>"$WORK/big.err"
expect_contains "$WORK/big.err" "2 KPA, 500000 coopérant·es, 3 financial rows: no errors"
truncate -s $((64 * 1024 * 1024 + 1)) "$WORK/big/activite.csv"
expect_status 1 "over the size limit" "$RECIT" check -t rapport-court.xml -i "$WORK/big" 2>"$WORK/huge.err"
expect_contains "$WORK/huge.err" "big/activite.csv: error: file is larger than the limit of 67108864 bytes"
rm -f "$WORK/big/activite.csv"

# 9. A named pipe (or a symbolic link to one) given as an input file is
#    refused at once instead of blocking the run, for CSV and XML alike:
#    a file that cannot be read is exit status 3 (README.md).
fresh fifo
rm "$WORK/fifo/kpa.csv" && mkfifo "$WORK/fifo.pipe" && ln -s "$WORK/fifo.pipe" "$WORK/fifo/kpa.csv"
elapsed_ok 10 expect_status 3 "pipe as kpa.csv" timeout 20 "$RECIT" check -t rapport-court.xml -i "$WORK/fifo" 2>"$WORK/fifo.err"
expect_contains "$WORK/fifo.err" "fifo/kpa.csv: fatal: cannot read: not a regular file"
fresh fifo2
rm "$WORK/fifo2/recit.xml" && ln -s "$WORK/fifo.pipe" "$WORK/fifo2/recit.xml"
elapsed_ok 10 expect_status 3 "pipe as recit.xml" timeout 20 "$RECIT" check -t rapport-court.xml -i "$WORK/fifo2" 2>"$WORK/fifo2.err"
expect_contains "$WORK/fifo2.err" "fifo2/recit.xml: fatal: cannot read the report settings: not a regular file"
finish
