#!/usr/bin/env bash
# The command line: help, version, option tables, exit statuses.
. "$(dirname "$0")/lib.sh"

expect_status 0 "--version" "$RECIT" --version >"$WORK/version"
expect_contains "$WORK/version" "recit "
expect_status 0 "--help" "$RECIT" --help >"$WORK/help"
expect_contains "$WORK/help" "usage: recit COMMAND"

# Every command has its help, as `recit help X` and as `recit X --help`,
# and the help lists every option of its table. Each option is given as
# it would be typed (with a valid value): the parser must take it too.
declare -A OPTIONS=(
  [build]="--inputs=inputs --outputs=out --layouts=layouts --template=rapport.xml --fonts=fonts
           --hyphenation=h.dic --largest-remainder --dump=model --prenoms-prives=p.txt
           --max-errors=5 --quiet"
  [check]="--inputs=inputs --layouts=layouts --template=rapport.xml --largest-remainder
           --prenoms-prives=p.txt --max-errors=5 --quiet"
  [stats]="--inputs=inputs --format=json --public --largest-remainder --descriptions --interviews
           --prenoms-prives=p.txt --layouts=layouts --template=rapport.xml --max-errors=5"
  [fiches]="--kpa=la-cape --inputs=inputs --outputs=out --layouts=layouts --template=fiche.xml
            --shard=1/2 --jobs=2 --fonts=fonts --hyphenation=h.dic --largest-remainder
            --max-errors=5 --quiet"
  [import-qdpx]="--outputs=out --force --max-errors=5"
)
for c in build check stats fiches import-qdpx; do
  expect_status 0 "help $c" "$RECIT" help "$c" >"$WORK/help-$c"
  expect_contains "$WORK/help-$c" "usage: recit $c"
  expect_status 0 "$c --help" "$RECIT" "$c" --help >"$WORK/help2-$c"
  check "$c --help is recit help $c" cmp -s "$WORK/help-$c" "$WORK/help2-$c"
  expect_contains "$WORK/help" "  $c "
  expect_contains "$WORK/help-$c" "-h, --help"
  for opt in ${OPTIONS[$c]}; do
    expect_contains "$WORK/help-$c" "${opt%%=*}"
    expect_status 0 "$c takes $opt" "$RECIT" "$c" "$opt" --help >/dev/null
  done
done
# Short forms and values given apart keep working.
expect_status 0 "-i DIR -o DIR -q" "$RECIT" build -i inputs -o out -q --help >/dev/null
expect_status 0 "-j2 (make style)" "$RECIT" fiches -j2 --help >/dev/null
expect_status 0 "-j 2" "$RECIT" fiches -j 2 --help >/dev/null
expect_status 0 "-f json" "$RECIT" stats -f json --help >/dev/null

# Usage errors: exit 2, naming the command and the option.
expect_status 2 "no command" "$RECIT" 2>/dev/null
expect_status 2 "unknown command" "$RECIT" frobnicate 2>"$WORK/err"
expect_contains "$WORK/err" 'unknown command "frobnicate"'
expect_status 2 "help of an unknown command" "$RECIT" help frobnicate 2>"$WORK/err"
expect_contains "$WORK/err" 'recit help: unknown command "frobnicate"'
expect_status 2 "unknown option" "$RECIT" check --frob 2>"$WORK/err"
expect_contains "$WORK/err" 'unknown option "--frob"'
expect_status 2 "mistyped option" "$RECIT" check --inputz x 2>"$WORK/err"
expect_contains "$WORK/err" 'did you mean "--inputs"?'
expect_status 2 "missing value" "$RECIT" check --inputs 2>"$WORK/err"
expect_contains "$WORK/err" "needs a value"
expect_status 2 "bad format" "$RECIT" stats --format xml 2>"$WORK/err"
expect_contains "$WORK/err" 'expects csv or json, found "xml"'
expect_status 2 "bad dump" "$RECIT" build --dump=everything 2>/dev/null
expect_status 2 "bad -j" "$RECIT" fiches -j0 2>"$WORK/err"
expect_contains "$WORK/err" '-j expects a number from 1 to 64, found "0"'
expect_status 2 "a flag given a value" "$RECIT" build --quiet=yes 2>"$WORK/err"
expect_contains "$WORK/err" "option --quiet takes no value"
expect_status 2 "stray argument" "$RECIT" build inputs 2>"$WORK/err"
expect_contains "$WORK/err" 'unexpected argument "inputs"'
expect_status 2 "import-qdpx without a file" "$RECIT" import-qdpx 2>"$WORK/err"
expect_contains "$WORK/err" "recit import-qdpx: expected FILE.qdpx"
# An option of another command is refused, not ignored.
expect_status 2 "check --format json" "$RECIT" check --format json 2>"$WORK/err"
expect_contains "$WORK/err" 'recit check: "--format" is an option of stats, not of check'
expect_status 2 "check -j2" "$RECIT" check -j2 2>"$WORK/err"
expect_contains "$WORK/err" 'recit check: "-j" is an option of fiches, not of check'
expect_status 2 "stats --quiet" "$RECIT" stats --quiet 2>"$WORK/err"
expect_contains "$WORK/err" 'recit stats: "--quiet" is an option of build, check, fiches, not of stats'
expect_status 2 "build --kpa" "$RECIT" build --kpa la-cape 2>"$WORK/err"
expect_contains "$WORK/err" 'recit build: "--kpa" is an option of fiches, not of build'

# A missing inputs folder (or .qdpx file) is a file that cannot be read: 3.
for c in build check stats fiches; do
  expect_status 3 "$c: missing inputs folder" "$RECIT" "$c" -i "$WORK/nowhere" 2>"$WORK/err-$c"
  expect_contains "$WORK/err-$c" "nowhere: fatal: cannot open: No such file or directory"
done
expect_status 3 "import-qdpx: missing file" "$RECIT" import-qdpx "$WORK/nowhere.qdpx" -o "$WORK/imp" 2>"$WORK/err"
expect_contains "$WORK/err" "nowhere.qdpx: fatal: cannot open"

expect_status 0 "--inputs=DIR form" "$RECIT" check -t rapport-court.xml --inputs="$SRC/tests/fixtures/mini" -q
finish
