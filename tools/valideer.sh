#!/usr/bin/env bash
# The pre-commit hook (and anyone without a terminal habit): checks the content with `p2g validate`. When .venv/ is
# missing or older than requirements/site.txt, it first makes it with the pinned site packages (about a minute,
# once), so the hook works on a fresh clone without any preparation.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/p2g ] || [ requirements/site.txt -nt .venv/.geinstalleerd ] || [ pyproject.toml -nt .venv/.geinstalleerd ]; then
  echo "Eenmalig: .venv/ maken met de vastgezette versies (duurt ongeveer een minuut)..." >&2
  if command -v make >/dev/null 2>&1; then
    make --no-print-directory .venv/.geinstalleerd >&2
  else
    python3 -m venv .venv
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements/site.txt >&2
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . >&2
    touch .venv/.geinstalleerd
  fi
fi
exec .venv/bin/p2g validate "$@"
