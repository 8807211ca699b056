"""Benchmark of the build and the preview (`make bench`, issue 13): prints a table of paired medians and the ratios
against the issue's targets; exit code 1 when a target is missed. `python bench/bench.py --help` for the options.

Everything runs in scratch copies of the project (bench/scale.py), so the repository is untouched: the content as
it is (1x) and with 4x and 16x the items of every folder kind, each validated with `p2g validate` first.

Per round and scale, in this order (rounds interleave the scales, so the machine's noise falls on all alike):
  koud         `p2g build` without build/ and site/: nothing cached (with its timeline, P2G_TIJDLIJN=1, for the
               CPU seconds per part: loading and checking the content, writing the pages, MkDocs, the PDFs, rest)
  kale mkdocs  `mkdocs build` of exactly the pages and configuration the cold build handed MkDocs
               (build/mkdocs/mkdocs.yml: no hook, nothing generated)
  niets        `p2g build` again, nothing changed (the up-to-date check)
  instrument   `p2g build` after editing one instrument's summary (its form, page, overview, packs and map)
  titel        `p2g build` after editing that instrument's title (the navigation changes on every page)
Each is measured as wall seconds, CPU seconds (user + system of the command and every process it waited for:
os.wait4) and peak memory (the largest resident set of one of its processes). The preview: `p2g serve` and a plain
`mkdocs serve` of the same built pages (a copy of build/mkdocs/ without the hook) run side by side; an edit is saved
(the instrument's YAML for p2g, its page's Markdown for MkDocs), and the time until the changed page is served with
the new text is polled over HTTP; the two take turns, and the next edit waits until both logs are quiet.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import BIN, Measured, Server, edit_latency, env_for, free_port, run  # noqa: E402
from report import report  # noqa: E402
from scale import copy_project, scale  # noqa: E402

INSTRUMENT = "reflectie-interview-slot"
PAGE = f"instrumenten/{INSTRUMENT}.html"
SUMMARY = "\nkort:\n  tekst: "


def p2g(*args: str) -> list[str]:
    return [sys.executable, "-m", "site_build.cli", *args]


def prepare(tmp: Path, factor: int) -> Path:
    """A scratch copy with ``factor`` times the content, validated, its code compiled (no first-run penalty)."""
    project = copy_project(tmp / f"x{factor}")
    counts = scale(project, factor) if factor > 1 else {}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(project / "site_build")], check=True)
    check = subprocess.run(p2g("validate"), cwd=project, env=env_for(project), capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"de {factor}x-inhoud is niet geldig:\n{check.stdout}{check.stderr}")
    print(f"{factor:>3}x: {check.stdout.strip() or counts}", flush=True)
    return project


def build_round(project: Path, tmp: Path, factor: int, round_: int) -> dict[str, Measured]:
    env = env_for(project, {"P2G_TIJDLIJN": "1"})
    shutil.rmtree(project / "build", ignore_errors=True)
    shutil.rmtree(project / "site", ignore_errors=True)
    steps = {"koud": run(p2g("build"), project, env)}
    bare = tmp / f"kaal{factor}"
    shutil.rmtree(bare, ignore_errors=True)
    steps["kale mkdocs"] = run([str(BIN / "mkdocs"), "build", "-q", "-f", "build/mkdocs/mkdocs.yml", "-d", str(bare)],
                               project, env)
    steps["niets"] = run(p2g("build"), project, env)
    path = project / "instruments" / f"{INSTRUMENT}.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(SUMMARY, f"{SUMMARY}(bewerking {round_}) ", 1), encoding="utf-8")
    steps["instrument"] = run(p2g("build"), project, env)
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^titel: (.*)$", rf"titel: \1 {round_}", text, count=1), encoding="utf-8")
    steps["titel"] = run(p2g("build"), project, env)
    return steps


def plain_copy(project: Path, target: Path) -> Path:
    """The pages and configuration of the last `p2g build`, in a folder of their own: MkDocs without us."""
    shutil.copytree(project / "build" / "mkdocs" / "docs", target / "docs")
    config = (project / "build" / "mkdocs" / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(str(project / "build" / "mkdocs" / "docs"), str(target / "docs"))
    config = config.replace(str(project / "build" / "mkdocs" / "site"), str(target / "site"))
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target / "mkdocs.yml"


def preview(project: Path, tmp: Path, factor: int, edits: int) -> list[tuple[float, float]]:
    """(p2g serve, plain mkdocs serve) seconds from saving an edit to the page served with it, per edit."""
    config = plain_copy(project, tmp / f"gewoon{factor}")
    env = env_for(project)
    ports = free_port(), free_port()
    ours = Server(p2g("serve", "--port", str(ports[0])), project, env, ports[0], tmp / f"p2g-serve-{factor}.log")
    plain = Server([str(BIN / "mkdocs"), "serve", "-f", str(config), "-a", f"127.0.0.1:{ports[1]}"],
                   config.parent, env, ports[1], tmp / f"mkdocs-serve-{factor}.log")
    yml = project / "instruments" / f"{INSTRUMENT}.yml"
    md = config.parent / "docs" / PAGE.replace(".html", ".md")
    pairs = []
    try:
        for server in (ours, plain):
            server.wait_for(PAGE, "</html>", timeout=3600)
            server.settle(quiet=3)
        for e in range(edits):
            timeout = 600 + 60 * factor
            edits_ = {"ours": (ours, yml, f"voorbeeldp{factor}x{e}"), "plain": (plain, md, f"voorbeeldm{factor}x{e}")}
            took = {}
            for who in (("ours", "plain") if e % 2 == 0 else ("plain", "ours")):
                server, path, marker = edits_[who]
                change = (lambda t, m=marker: t.replace(SUMMARY, f"{SUMMARY}{m} ", 1)) if who == "ours" else (
                    lambda t, m=marker: t + f"\n\n{m}\n")
                took[who] = edit_latency(server, path, change, PAGE, marker, timeout)
                for s in (ours, plain):  # the build that saving set off, and any it set off itself
                    s.settle(quiet=min(10.0, max(2.0, took[who])))
            pairs.append((took["ours"], took["plain"]))
            print(f"  voorbeeld {factor}x: p2g serve {took['ours']:.2f} s, mkdocs serve {took['plain']:.2f} s",
                  flush=True)
    finally:
        ours.stop()
        plain.stop()
    return pairs


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/bench.py", description=__doc__.split("\n\n")[0],
        epilog="Zonder opties: 1x, 4x en 16x, 5 rondes (4x en 16x: 3), het voorbeeld 5 keer bij 1x en 16x (ruim een uur "
               "op twee kernen). Doelen die niet gemeten zijn (bij --quick alles met 4x of 16x) tellen niet mee.")
    parser.add_argument("--quick", action="store_true", help="alleen 1x, 3 rondes, het voorbeeld 3 keer")
    parser.add_argument("--runs", type=int, help="rondes per schaal (standaard 5; --quick 3)")
    parser.add_argument("--scales", default=None, help="schalen, bijvoorbeeld 1,4,16 (standaard; --quick: 1)")
    parser.add_argument("--edits", type=int, help="bewerkingen in het voorbeeld per schaal (standaard 5; --quick 3)")
    parser.add_argument("--no-preview", action="store_true", help="het voorbeeld niet meten")
    args = parser.parse_args(argv)
    args.scales = [int(s) for s in (args.scales or ("1" if args.quick else "1,4,16")).split(",")]
    if 1 not in args.scales:
        parser.error("--scales moet 1 bevatten: de doelen zijn verhoudingen tot 1x")
    args.runs = args.runs or (3 if args.quick else 5)
    args.edits = args.edits or (3 if args.quick else 5)
    return args


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    # the larger scales cost most: at most three rounds there (a median with a spread; CPU seconds vary little)
    rounds = {f: args.runs if f == 1 else min(args.runs, 3) for f in args.scales}
    builds: dict[int, list[dict[str, Measured]]] = {f: [] for f in args.scales}
    previews: dict[int, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="p2g-bench-") as name:
        tmp = Path(name)
        projects = {f: prepare(tmp, f) for f in args.scales}
        for r in range(max(rounds.values())):
            for f in args.scales:
                if r < rounds[f]:
                    builds[f].append(build_round(projects[f], tmp, f, r))
                    s = builds[f][-1]
                    print(f"  ronde {r + 1} {f}x: " + ", ".join(f"{k} {m.wall:.2f} s" for k, m in s.items()), flush=True)
        if not args.no_preview:
            for f in [f for f in args.scales if f in (1, 16)]:
                previews[f] = preview(projects[f], tmp, f, args.edits)
    return report(builds, previews)


if __name__ == "__main__":
    sys.exit(main())
