#!/usr/bin/env bash
# Install the Debian 12 packages Récit needs to build, test and run.
# Idempotent: installs only what is missing. Run as root (or with sudo).
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libcairo2-dev libpango1.0-dev libxml2-dev libcsv-dev libcmocka-dev libfontconfig-dev
  libhyphen-dev hyphen-fr libzip-dev libutf8proc-dev libglpk-dev
  gettext poppler-utils qpdf python3 parallel
  libqpdf-dev icc-profiles-free
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
