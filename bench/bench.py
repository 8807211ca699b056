"""Benchmark of the build (`make bench`): prints the five figures of the print issue and their ratios.

Uses only public tools (Python's perf_counter, subprocess, the project's own `p2g` and `mkdocs` commands).
Each figure is the median of a few runs in a scratch copy of the project, so the repository is untouched.

(a) `p2g build` with no build/ and no site/: nothing cached. (b) `mkdocs build` of exactly the pages (a) handed
to MkDocs, from the configuration (a) wrote (build/mkdocs/mkdocs.yml: no hook, nothing generated). (c) `p2g build`
again; also shown: after a change without effect (a YAML comment: the whole pipeline runs, nothing is made
again) and with --opnieuw (every page through MkDocs again, PDFs from the cache). (d) `p2g build` after changing one instrument's summary, which is on its form, its page, the overview,
the covers of two packs and the map. (e) every form and the pocket cards rendered in one process; a form's
blank and fillable PDF come from one layout, so each gets half of that time.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def copy_project(target: Path) -> Path:
    for name in ("content", "instruments", "macros", "theme", "site_build"):
        shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


def timed(command: list[str], cwd: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env={**os.environ, **(env or {})}, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    p2g = [sys.executable, "-m", "site_build.cli"]
    cold, bare, unchanged, no_effect, forced, edited = [], [], [], [], [], []
    with tempfile.TemporaryDirectory(prefix="p2g-bench-") as tmp:
        project = copy_project(Path(tmp) / "project")
        for run in range(RUNS):
            shutil.rmtree(project / "build", ignore_errors=True)
            shutil.rmtree(project / "site", ignore_errors=True)
            cold.append(timed(p2g + ["build"], project))
            bare.append(timed([str(BIN / "mkdocs"), "build", "-q", "-f", "build/mkdocs/mkdocs.yml",
                               "-d", str(Path(tmp) / "bare")], project, {"NO_MKDOCS_2_WARNING": "1"}))
            unchanged.append(timed(p2g + ["build"], project))
            # a change without effect on the site (a YAML comment): the whole pipeline runs, finds every PDF in
            # the cache and no page that MkDocs must build again
            path = project / "instruments" / "reflectie-interview-slot.yml"
            path.write_text(path.read_text(encoding="utf-8") + f"\n# opmerking {run}\n", encoding="utf-8")
            no_effect.append(timed(p2g + ["build"], project))
            # without the up-to-date check and the incremental site: every page through MkDocs, PDFs from the cache
            forced.append(timed(p2g + ["build", "--opnieuw"], project))
            path.write_text(path.read_text(encoding="utf-8").replace("\nkort:\n  tekst: ", f"\nkort:\n  tekst: (bewerking {run}) ", 1),
                            encoding="utf-8")
            edited.append(timed(p2g + ["build"], project))
        # (e) median time per PDF, in one process (WeasyPrint set up once), every blank and fillable form
        sys.path.insert(0, str(project))
        from site_build.content.validate import load_content
        from site_build.printing.render import PrintRenderer

        renderer = PrintRenderer(load_content(project))
        renderer.warm_up()
        per_pdf = []
        for job in renderer.jobs() + renderer.extra_jobs():
            start = time.perf_counter()
            files = renderer.render(job).files
            # one layout gives the blank and the fillable form: each PDF gets its share of the time
            per_pdf += [(time.perf_counter() - start) / len(files)] * len(files)
    a, b, c, c1, c2, d, e = (statistics.median(x) for x in (cold, bare, unchanged, no_effect, forced, edited, per_pdf))
    print(f"Benchmark op {os.cpu_count()} kernen, mediaan van {RUNS} keer")
    print(f"(a) koude volledige build            {a:6.2f} s")
    print(f"(b) kale mkdocs build                {b:6.2f} s")
    print(f"(c) opnieuw bouwen, niets veranderd  {c:6.2f} s")
    print(f"    na wijziging zonder gevolg       {c1:6.2f} s  ({c1 / b:.2f} x kale mkdocs; geen PDF, geen pagina)")
    print(f"    met --opnieuw                    {c2:6.2f} s  ({c2 / b:.2f} x kale mkdocs; geen PDF, alle pagina's)")
    print(f"(d) opnieuw na wijzigen instrument   {d:6.2f} s")
    print(f"(e) mediane tijd per PDF             {e:6.3f} s  ({len(per_pdf)} PDF's)")
    checks = [("a/b", a / b, 3.0), ("c/b", c / b, 1.2), ("d/a", d / a, 0.4)]
    ok = True
    for name, ratio, target in checks:
        good = ratio <= target
        ok &= good
        print(f"{name} = {ratio:5.2f}   doel <= {target:.1f}   {'gehaald' if good else 'NIET gehaald'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
