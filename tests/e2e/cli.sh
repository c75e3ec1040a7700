#!/usr/bin/env bash
# The command line: help, version, exit statuses for usage errors.
. "$(dirname "$0")/lib.sh"

expect_status 0 "--version" "$RECIT" --version >"$WORK/version"
expect_contains "$WORK/version" "recit "
expect_status 0 "--help" "$RECIT" --help >"$WORK/help"
expect_contains "$WORK/help" "usage: recit COMMAND"
for c in build check stats; do
  expect_status 0 "$c --help" "$RECIT" "$c" --help >"$WORK/help-$c"
  expect_contains "$WORK/help-$c" "usage: recit $c"
  expect_status 0 "help $c" "$RECIT" help "$c" >/dev/null
done
expect_status 2 "no command" "$RECIT" 2>/dev/null
expect_status 2 "unknown command" "$RECIT" frobnicate 2>"$WORK/err"
expect_contains "$WORK/err" 'unknown command "frobnicate"'
expect_status 2 "unknown option" "$RECIT" check --frob 2>"$WORK/err"
expect_contains "$WORK/err" 'unknown option "--frob"'
expect_status 2 "missing value" "$RECIT" check --inputs 2>"$WORK/err"
expect_contains "$WORK/err" "needs a value"
expect_status 2 "bad format" "$RECIT" stats --format xml 2>"$WORK/err"
expect_contains "$WORK/err" 'expects csv or json, found "xml"'
expect_status 2 "bad dump" "$RECIT" build --dump=everything 2>/dev/null
expect_status 0 "--inputs=DIR form" "$RECIT" check -t rapport-court.xml --inputs="$SRC/tests/fixtures/mini" -q
finish
