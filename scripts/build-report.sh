#!/usr/bin/env bash
# First README command: install what is missing, build Récit, and write
# outputs/rapport.pdf from inputs/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
build/recit build --inputs inputs --outputs outputs
