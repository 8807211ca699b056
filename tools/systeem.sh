#!/usr/bin/env bash
# Installs the Debian packages the project needs and pip cannot provide, from the one list in
# site_build/debian-pakketten.txt. `systeem.sh site`: what building the site needs (Pango, HarfBuzz with its subset
# library, fontconfig); `systeem.sh test`: that plus what the tests add (Debian's Chromium, never a downloaded
# browser, and poppler-utils). As root it installs what is missing; otherwise it prints the exact apt-get line.
set -euo pipefail
purpose="${1:-site}"
cd "$(dirname "$0")/.."
missing_packages() {
  # The check itself lives in site_build/system.py (stdlib only, so the system's python3 runs it before .venv exists).
  local names  # a failing python3 stops the script here (set -e), never reads as 'nothing missing'
  names=$(python3 -c 'import sys; sys.path.insert(0, "."); from site_build.system import missing
print(" ".join(r.package for r in missing(sys.argv[1])))' "$purpose")
  read -r -a missing <<< "$names"
}
missing_packages
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  if [ "$purpose" = test ]; then doel="de tests te draaien"; else doel="de site te bouwen"; fi
  echo "Deze computer mist Debian-pakketten die nodig zijn om $doel: ${missing[*]}" >&2
  echo "Installeer ze met:  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Systeempakketten installeren: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Installed but still not loadable (a damaged install, a library hidden from this process): say so now, not later.
missing_packages
if [ ${#missing[@]} -ne 0 ]; then
  echo "Na de installatie laden deze pakketten nog steeds niet: ${missing[*]}" >&2
  echo "Installeer ze opnieuw met:  apt-get install --reinstall ${missing[*]}" >&2
  exit 1
fi
