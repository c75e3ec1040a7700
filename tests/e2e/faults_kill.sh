#!/usr/bin/env bash
# Crash-only output (docs/robustness.md): `build` and `fiches -j2` are killed
# at many points of their run by SIGINT, SIGTERM, SIGHUP and SIGKILL, and the
# disk fills up under `fiches`. Afterwards the output folder holds exactly
# the previous or the new complete files, nothing else (no temporary name, no
# partial PDF), no worker outlives its parent, the exit status is 128 + N
# and an interrupted run says so in one line. A run after a killed one
# sweeps the strays that older versions left ("rapport.pdf.tmp-XXXXXX").
. "$(dirname "$0")/lib.sh"
cd "$SRC"

# Two versions of every output: "old" from a changed copy of the inputs,
# "new" from the inputs themselves.
cp -r inputs "$WORK/old-inputs"
sed -i '0,/titre="/s//titre="Ancienne version : /' "$WORK/old-inputs/recit.xml"
sed -i 's/<accueil>/<accueil>Ancien lieu : /' "$WORK/old-inputs"/fiches/*.xml
build_versions() { # OUT: old and new versions of the report and the sheets
  "$RECIT" build -q -i "$WORK/old-inputs" -o "$WORK/old" &&
    "$RECIT" fiches -q -j2 -i "$WORK/old-inputs" -o "$WORK/old" &&
    "$RECIT" build -q -i inputs -o "$WORK/new" &&
    "$RECIT" fiches -q -j2 -i inputs -o "$WORK/new"
}
check "old and new versions built" build_versions
check "the two versions differ" bash -c "! cmp -s '$WORK/old/rapport.pdf' '$WORK/new/rapport.pdf'"
check "the two versions of a sheet differ" bash -c \
  "! cmp -s '$WORK/old/fiches/la-cape.pdf' '$WORK/new/fiches/la-cape.pdf'"

# whole DIR REL: every file of DIR/REL is the old or the new version of its
# name, and DIR/REL holds no other name. Prints what is wrong.
whole() {
  local dir="$1" rel="$2" bad=0 f
  for f in "$dir/$rel"/* "$dir/$rel"/.[!.]*; do
    [ -e "$f" ] || continue
    local name="${f#"$dir/"}"
    name="${name#./}"
    [ -d "$f" ] && [ "$name" = fiches ] && continue
    if [ ! -e "$WORK/new/$name" ]; then echo "stray file: $name"; bad=1; continue; fi
    if ! cmp -s "$f" "$WORK/old/$name" && ! cmp -s "$f" "$WORK/new/$name"; then
      echo "neither old nor new: $name ($(stat -c %s "$f") bytes)"; bad=1
    fi
  done
  return $bad
}

# Positive control: the check sees a partial file and a stray name.
mkdir -p "$WORK/control"
cp -r "$WORK/new/." "$WORK/control/"
head -c 5000 "$WORK/new/rapport.pdf" >"$WORK/control/rapport.pdf"
: >"$WORK/control/fiches/.la-cape.pdf.recit-Ab12Cd"
control=$(whole "$WORK/control" . ; whole "$WORK/control" fiches)
expect_in() { case "$1" in *"$2"*) ok ;; *) fail "control: the check misses $2";; esac; }
expect_in "$control" "neither old nor new: rapport.pdf"
expect_in "$control" "stray file: fiches/.la-cape.pdf.recit-Ab12Cd"

# The duration of each command, to spread the kill points over it.
ms() { date +%s%3N; }
t0=$(ms); "$RECIT" build -q -i inputs -o "$WORK/timing"; t_build=$(( $(ms) - t0 ))
t0=$(ms); "$RECIT" fiches -q -j2 -i inputs -o "$WORK/timing"; t_fiches=$(( $(ms) - t0 ))
echo "build takes ${t_build} ms, fiches -j2 ${t_fiches} ms"

# kill_at WHAT SIG FRACTION CMD...: start from the old outputs, run CMD, send
# SIG after FRACTION (in hundredths) of the command's duration, then check.
kill_at() {
  local what="$1" sig="$2" pct="$3" total="$4"; shift 4
  local out="$WORK/out-$what-$sig-$pct"
  rm -rf "$out" && cp -r "$WORK/old" "$out"
  "$@" -o "$out" 2>"$out.err" &
  local pid=$!
  sleep "$(awk -v t="$total" -v p="$pct" 'BEGIN { printf "%.3f", t * p / 100000 }')"
  kill -s "$sig" "$pid" 2>/dev/null
  wait "$pid"
  local rc=$?
  local problems
  problems=$(whole "$out" . ; whole "$out" fiches)
  if [ -z "$problems" ]; then ok; else fail "$what killed by SIG$sig at $pct %: $problems"; fi
  # Finished before the signal (0) or died of it (128 + N).
  local num
  num=$(kill -l "$sig")
  if [ $rc -eq 0 ] || [ $rc -eq $((128 + num)) ]; then ok
  else fail "$what killed by SIG$sig at $pct %: exit $rc"; cat "$out.err" >&2; fi
  if [ $rc -ne 0 ] && [ "$sig" != KILL ]; then
    expect_contains "$out.err" "interrupted: every file written so far is complete"
  fi
  # No worker outlives its parent, even after SIGKILL.
  sleep 0.2
  if pgrep -f -- "-o $out\$" >/dev/null; then fail "$what: a worker outlived SIG$sig"; pkill -9 -f -- "-o $out\$"; else ok; fi
  rm -rf "$out" "$out.err"
}

for sig in INT TERM HUP KILL; do
  for pct in 10 35 65 90; do
    kill_at build "$sig" "$pct" "$t_build" "$RECIT" build -q -i inputs
    kill_at fiches "$sig" "$pct" "$t_fiches" "$RECIT" fiches -q -j2 -i inputs
  done
done

# Strays of older versions and of a run killed between link and rename are
# swept by the next run; other files of the user are left alone.
OUT="$WORK/sweep"
cp -r "$WORK/old" "$OUT"
: >"$OUT/rapport.pdf.tmp-Ab12Cd"
: >"$OUT/.rapport.pdf.recit-Xy34Zw"
: >"$OUT/fiches/la-cape.pdf.tmp-Qr56St"
: >"$OUT/notes.txt"
: >"$OUT/budget.tmp-2024"
expect_status 0 "build sweeps" "$RECIT" build -q -i inputs -o "$OUT"
expect_status 0 "fiches sweeps" "$RECIT" fiches -q -j2 -i inputs -o "$OUT"
check "strays swept" test ! -e "$OUT/rapport.pdf.tmp-Ab12Cd" -a ! -e "$OUT/.rapport.pdf.recit-Xy34Zw" \
  -a ! -e "$OUT/fiches/la-cape.pdf.tmp-Qr56St"
check "the user's files are left alone" test -e "$OUT/notes.txt" -a -e "$OUT/budget.tmp-2024"

# The disk fills up under `fiches`: a tmpfs too small for all the sheets,
# mounted in a private mount namespace (root only; said so when skipped).
# Every sheet is then either written whole or reported, the count in the
# summary is the number of files really there, and no worker crashes.
full_disk() { # full_disk JOBS KB
  local res="$WORK/full-$1-$2"
  mkdir -p "$res" "$WORK/tiny"
  unshare -m bash -c '
    mount -t tmpfs -o size="$2"k tmpfs "$1" || exit 99
    "$4" fiches -j"$3" -i inputs -o "$1/out" 2>"$5/err"; echo $? >"$5/rc"
    ls -A "$1/out/fiches" >"$5/list"
    for f in "$1"/out/fiches/*.pdf; do cmp -s "$f" "$6/fiches/${f##*/}" || echo "${f##*/}"; done >"$5/differ"
  ' _ "$WORK/tiny" "$2" "$1" "$RECIT" "$res" "$WORK/new"
}
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
  for jobs in 1 2; do
    for kb in 48 160; do
      full_disk "$jobs" "$kb"
      res="$WORK/full-$jobs-$kb"
      check "disk full, -j$jobs, ${kb} KiB: exit 3 (got $(cat "$res/rc"))" test "$(cat "$res/rc")" = 3
      expect_contains "$res/err" "No space left on device"
      expect_not_contains "$res/err" "signal"
      written=$(grep -o 'wrote [0-9]* of' "$res/err" | grep -o '[0-9]*')
      check "disk full, -j$jobs: the summary counts the files there ($written vs $(wc -l <"$res/list"))" \
        test "$written" = "$(wc -l <"$res/list")"
      check "disk full, -j$jobs: only whole sheets ($(tr '\n' ' ' <"$res/differ"))" test ! -s "$res/differ"
      check "disk full, -j$jobs: nothing but sheets" bash -c "! grep -v '\.pdf\$' '$res/list'"
    done
  done
else
  echo "SKIP: disk-full sheets need root and mount namespaces"
fi
finish
