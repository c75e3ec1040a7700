#!/usr/bin/env bash
# Second README command (and what CI runs): install what is missing, then run
# every test twice: in a plain build, and in a build with AddressSanitizer and
# UndefinedBehaviorSanitizer. Warnings are errors in both.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs="$(nproc)"

# The plain build uses Release, like scripts/build-report.sh: optimisation
# enables more warnings (format truncation...), which are errors here too.
echo "== plain build (Release) =="
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-test -j"$jobs"
ctest --test-dir build-test --output-on-failure -j"$jobs"

echo "== address + undefined sanitizers =="
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DRECIT_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" \
LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"
