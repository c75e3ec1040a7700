#!/usr/bin/env bash
# System faults while `recit build` writes the report: the disk fills up in
# the middle of the PDF, the output folder is read-only, the output path
# cannot be a folder. Each gives a message and exit status 3, and leaves the
# previous PDF byte for byte and no temporary file. docs/robustness.md.
#
# No fault hook in the program: the faults are real. "Disk full" is
# RLIMIT_FSIZE (ulimit -f, with SIGXFSZ ignored so write() fails with EFBIG),
# which needs no privilege. A read-only folder needs chmod for a normal user;
# root ignores permissions, so as root a read-only bind mount is made in a
# private mount namespace (unshare -m), else the folder is made immutable
# (chattr +i); when neither is allowed that one check is skipped, said so.
. "$(dirname "$0")/lib.sh"
cd "$SRC"
OUT="$WORK/out"
PDF="$OUT/rapport.pdf"
expect_status 0 "first build" "$RECIT" build -q -i inputs -o "$OUT"
cp "$PDF" "$WORK/before.pdf"
intact() { # intact WHAT: the previous PDF unchanged, no temporary file beside it
  check "$1: previous PDF intact" cmp -s "$PDF" "$WORK/before.pdf"
  check "$1: no temporary file left ($(ls "$OUT" | tr '\n' ' '))" test "$(ls "$OUT")" = rapport.pdf
}

# 1. The disk fills up mid-write: 64 KiB allowed, the report is larger.
size=$(stat -c %s "$PDF")
check "the report is larger than 64 KiB ($size)" test "$size" -gt 65536
expect_status 3 "disk full while writing" bash -c 'trap "" XFSZ; ulimit -f 64; exec "$@"' _ \
  "$RECIT" build -q -i inputs -o "$OUT" 2>"$WORK/full.err"
expect_contains "$WORK/full.err" "File too large"
expect_contains "$WORK/full.err" "rapport.pdf"
intact "disk full"

# 2. A read-only output folder.
readonly_run() { # readonly_run DIR CMD...: run CMD while DIR is read-only
  local dir="$1"; shift
  if [ "$(id -u)" -ne 0 ]; then
    chmod a-w "$dir"; "$@"; local rc=$?; chmod u+w "$dir"; return $rc
  fi
  if unshare -m true 2>/dev/null; then
    unshare -m bash -c 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 99
                        shift; exec "$@"' _ "$dir" "$@"
    local rc=$?
    [ $rc -ne 99 ] && return $rc
  fi
  if chattr +i "$dir" 2>/dev/null; then
    trap 'chattr -i "$OUT" 2>/dev/null' EXIT # never leave an immutable folder
    "$@"; local rc=$?; chattr -i "$dir"; return $rc
  fi
  return 98
}
readonly_run "$OUT" "$RECIT" build -q -i inputs -o "$OUT" 2>"$WORK/ro.err"
rc=$?
if [ $rc -eq 98 ] || [ $rc -eq 99 ]; then
  echo "SKIP: cannot make a folder read-only here (root without mount namespaces or chattr)"
else
  if [ $rc -eq 3 ]; then ok; else fail "read-only output folder: exit $rc, expected 3"; fi
  expect_contains "$WORK/ro.err" "cannot write the PDF \"$PDF\""
  intact "read-only folder"
fi

# 3. An output path whose parent is a file, and a folder under /proc.
: >"$WORK/a-file"
expect_status 3 "output under a file" "$RECIT" build -q -i inputs -o "$WORK/a-file/out" 2>"$WORK/nodir.err"
expect_contains "$WORK/nodir.err" "a-file/out: fatal: cannot create the output folder: Not a directory"
expect_status 3 "output folder in /proc" "$RECIT" build -q -i inputs -o /proc/self 2>"$WORK/proc.err"
expect_contains "$WORK/proc.err" "cannot write the PDF \"/proc/self/rapport.pdf\""
intact "after every fault"
finish
