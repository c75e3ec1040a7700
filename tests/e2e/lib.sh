# Shared helpers for end-to-end tests. Each test script is called as
#   script RECIT_BINARY SOURCE_DIR WORK_DIR
# and prints "N passed, M failed" at the end (counted by CI).
set -u
RECIT="$1"
SRC="$2"
WORK="$3"
rm -rf "$WORK" && mkdir -p "$WORK"
PASSED=0
FAILED=0

ok() { PASSED=$((PASSED + 1)); }
fail() { FAILED=$((FAILED + 1)); echo "FAIL: $*" >&2; }
check() { # check "description" command...
  local what="$1"; shift
  if "$@"; then ok; else fail "$what"; fi
}
# expect_contains FILE TEXT: FILE has a line containing TEXT (fixed string).
expect_contains() {
  if grep -qF -- "$2" "$1"; then ok; else fail "$1 lacks: $2"; echo "--- $1:" >&2; head -40 "$1" >&2; fi
}
expect_not_contains() {
  if grep -qF -- "$2" "$1"; then fail "$1 should not contain: $2"; else ok; fi
}
expect_status() { # expect_status WANT "description" command...
  local want="$1" what="$2"; shift 2
  "$@"; local got=$?
  if [ "$got" -eq "$want" ]; then ok; else fail "$what: exit $got, expected $want"; fi
}
finish() {
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}
