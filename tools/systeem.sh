#!/usr/bin/env bash
# System packages the test suite needs and pip cannot provide: Debian's Chromium (for the browser tests; no
# browser is ever downloaded from anywhere else) and poppler-utils (pdftoppm, to look at PDF pages).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Nodig voor de tests: ${missing[*]}. Installeer met: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installeren: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
