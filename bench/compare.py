"""Measures what the incremental MkDocs layer and a PDF process pool are worth (issue 12): `p2g build` cold, with
nothing changed, after a change without effect (a YAML comment) and after editing one instrument, for each variant
(environment switches), the variants taken in turn in every round so the machine's noise falls on all alike.
Wall time and CPU seconds of the build's processes (children's rusage, which the shared machine disturbs less).
    VARIANTS='{"met": {}, "zonder-incrementeel": {"P2G_INCREMENTAL": "0"}}' BENCH_RUNS=5 python bench/compare.py
The figures are in the docstrings of site_build/site/mkdocs_run.py and site_build/printing/pool.py."""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import copy_project  # noqa: E402

VARIANTS = json.loads(os.environ.get("VARIANTS", '{"basis": {}}'))
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def measured(command: list[str], cwd: Path, env: dict) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env={**os.environ, **env}, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    p2g = [sys.executable, "-m", "site_build.cli", "build"]
    figures: dict = {}
    with tempfile.TemporaryDirectory(prefix="p2g-compare-") as tmp:
        projects = {name: copy_project(Path(tmp) / name) for name in VARIANTS}
        for run in range(RUNS):
            for name, env in VARIANTS.items():
                project = projects[name]
                shutil.rmtree(project / "build", ignore_errors=True)
                shutil.rmtree(project / "site", ignore_errors=True)
                steps = {"koud": measured(p2g, project, env), "niets": measured(p2g, project, env)}
                path = project / "instruments" / "reflectie-interview-slot.yml"
                path.write_text(path.read_text(encoding="utf-8") + f"\n# opmerking {run}\n", encoding="utf-8")
                steps["commentaar"] = measured(p2g, project, env)
                path.write_text(path.read_text(encoding="utf-8").replace("\nkort:\n  tekst: ", f"\nkort:\n  tekst: (bewerking {run}) ", 1),
                                encoding="utf-8")
                steps["instrument"] = measured(p2g, project, env)
                for step, value in steps.items():
                    figures.setdefault(name, {}).setdefault(step, []).append(value)
                print(json.dumps({"run": run, "variant": name, **steps}), flush=True)
    print(f"mediaan van {RUNS}: wand-s / cpu-s")
    for name, steps in figures.items():
        cells = [f"{step} {statistics.median(w for w, _ in v):6.2f} / {statistics.median(c for _, c in v):6.2f}"
                 for step, v in steps.items()]
        print(f"{name:14} " + "   ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
