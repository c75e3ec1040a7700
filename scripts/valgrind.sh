#!/usr/bin/env bash
# Run the whole ctest suite under valgrind memcheck (docs/robustness.md):
# every unit test program directly, and every `recit` run of the end-to-end
# scripts through a wrapper, with
#   --leak-check=full --errors-for-leak-kinds=definite
# and the library-internal suppressions of tests/valgrind.supp. Fails when
# any process reports a memory error or a definite leak.
#
#   scripts/valgrind.sh                 # every test (about 8 minutes on 2 cores)
#   scripts/valgrind.sh -R 'csv|xml'    # only tests matching (ctest -R)
#
# Builds build-valgrind/ (Debug, no sanitizers: valgrind and ASan do not mix).
# One log per process in build-valgrind/valgrind-logs/; a summary at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
B="$ROOT/build-valgrind"
LOGS="$B/valgrind-logs"
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)"; exit 2; }
cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Debug -DRECIT_SANITIZE=OFF >/dev/null
cmake --build "$B" -j"$(nproc)"
rm -rf "$LOGS" && mkdir -p "$LOGS"

VG=(valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite
    --show-leak-kinds=definite --num-callers=30 --track-origins=no
    "--suppressions=$ROOT/tests/valgrind.supp" "--log-file=$LOGS/%q{VG_TEST}.%p.log")

# The e2e scripts run `recit` many times and test its exit status, so the
# wrapper makes valgrind exit 97 (never a status of recit's) on an error;
# unit tests use --error-exitcode=1. Both are also judged from the logs.
cat >"$B/recit-valgrind" <<SH
#!/bin/sh
exec ${VG[*]} --error-exitcode=97 "$B/recit" "\$@"
SH
chmod +x "$B/recit-valgrind"

# ctest's own description of each test: command, environment, working dir.
ctest --test-dir "$B" --show-only=json-v1 "$@" >"$B/tests.json"
python3 - "$B" "$LOGS" "${VG[*]}" <<'PY'
import json, os, shlex, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
build, logs, vg = sys.argv[1], sys.argv[2], shlex.split(sys.argv[3])
tests = json.load(open(os.path.join(build, "tests.json")))["tests"]
recit = os.path.join(build, "recit")
def run(t):
    cmd = t["command"]
    env = dict(os.environ, VG_TEST=t["name"], RECIT_TIME_FACTOR="30")
    cwd = build
    for p in t.get("properties", []):
        if p["name"] == "ENVIRONMENT":
            for kv in p["value"]:
                k, _, v = kv.partition("=")
                env[k] = v
        if p["name"] == "WORKING_DIRECTORY":
            cwd = p["value"]
    if os.path.basename(cmd[0]) == "bash":      # e2e script: wrap recit
        cmd = [recit + "-valgrind" if a == recit else a for a in cmd]
    else:                                        # unit test: wrap the program
        cmd = vg + ["--error-exitcode=1"] + cmd
    t0 = time.time()
    r = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return t["name"], r.returncode, time.time() - t0, r.stdout.decode(errors="replace")
failed = []
with ThreadPoolExecutor(os.cpu_count() or 2) as ex:
    for name, rc, secs, out in ex.map(run, tests):
        print(f"{'ok  ' if rc == 0 else 'FAIL'} {name} ({secs:.0f} s)", flush=True)
        if rc:
            failed.append(name)
            print(out[-3000:])
bad = []
logged = {f.rsplit(".", 2)[1] for f in os.listdir(logs)}  # pids with a log
for f in sorted(os.listdir(logs)):
    text = open(os.path.join(logs, f), errors="replace").read()
    # A child forked by a checked process (system(), popen()) is checked
    # until it calls exec; its log then just stops: not a failure.
    parent = [l.split("Parent PID: ")[1].strip() for l in text.splitlines() if "Parent PID: " in l]
    if "ERROR SUMMARY" not in text and parent and parent[0] in logged:
        continue
    # Definite leaks count as errors (--errors-for-leak-kinds=definite); a
    # log without a summary is a process that did not finish (killed).
    summary = [l for l in text.splitlines() if "ERROR SUMMARY:" in l]
    if not summary or "ERROR SUMMARY: 0 errors" not in summary[-1]:
        bad.append(f)
print(f"\n{len(tests)} tests, {len(os.listdir(logs))} processes checked by valgrind")
for f in bad:
    print(f"valgrind found a problem: {logs}/{f}")
if failed:
    print("tests failing under valgrind: " + ", ".join(failed))
sys.exit(1 if bad or failed else 0)
PY
