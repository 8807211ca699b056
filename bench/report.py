"""The bench's table and verdict: medians with their spread [lowest-highest], CPU seconds per part and the two-core
floor, growth exponents between scales, the preview latency, and each target of issue 13 with the figure it is judged
on. A ratio of two figures is taken per round (paired: both measured in the same round, minutes apart) and its median
is judged; where wall time is too noisy on a shared machine, the target is judged on CPU seconds, and says so:
the preview on wall time (what the user waits; both servers measured in turn under the same load), the edits and
growth on CPU seconds (the work; the load only stretches it), the cold build on its floor on two cores (CPU / 2)
against bare MkDocs' CPU seconds (the wall ratio shown beside it).
"""

from __future__ import annotations

import itertools
import math
import os
import statistics

from measure import PARTS, Measured, median_spread

STEPS = ("koud", "kale mkdocs", "niets", "instrument", "titel")
LINEAR = 1.15  # growth exponent allowed per part: 1.0 is linear; the margin is well above CPU seconds' noise
COSTLY = 1.0  # CPU seconds at the largest scale from which one PDF's growth is judged too (pocket cards, map)
JUDGED = ("laden en controleren", "pagina's schrijven", "MkDocs", "PDF's", "totaal")


def cell(values: list[float], width: int = 6, digits: int = 2) -> str:
    m, lo, hi = median_spread(values)
    return f"{m:{width}.{digits}f} [{lo:.{digits}f}-{hi:.{digits}f}]"


def exponent(a: float, b: float, fa: int, fb: int) -> float:
    return math.log(b / a) / math.log(fb / fa) if a > 0 and b > 0 else float("nan")


def cold_parts(rounds: list[dict[str, Measured]]) -> dict[str, list[float]]:
    parts: dict[str, list[float]] = {p: [] for p in PARTS + ("totaal",)}
    for steps in rounds:
        for p in PARTS:
            parts[p].append(steps["koud"].parts.get(p, 0.0))
        parts["totaal"].append(steps["koud"].cpu)
    return parts


def check(name: str, ratios: list[float], target: float, basis: str) -> bool:
    m, lo, hi = median_spread(ratios)
    ok = m <= target
    note = "  (doel binnen de spreiding: het oordeel volgt de mediaan)" if lo <= target < hi else ""
    print(f"  {name:44} {m:5.2f} [{lo:.2f}-{hi:.2f}]  doel <= {target:.2f}  {basis:6}  "
          f"{'gehaald' if ok else 'NIET gehaald'}{note}")
    return ok


def report(builds: dict[int, list[dict[str, Measured]]], previews: dict[int, list[tuple[float, float]]]) -> int:
    scales = sorted(builds)
    print(f"\nBenchmark op {os.cpu_count()} kernen (belasting nu: {os.getloadavg()[0]:.1f}); per figuur de mediaan "
          f"[laagste-hoogste] van {', '.join(f'{len(builds[f])} rondes bij {f}x' for f in scales)}")
    print("\n1. Build: wand-seconden, CPU-seconden (alle processen), piekgeheugen (grootste proces, MB)")
    for f in scales:
        for step in STEPS:
            ms = [r[step] for r in builds[f]]
            print(f"  {f:>3}x {step:12} wand {cell([m.wall for m in ms])}   cpu {cell([m.cpu for m in ms])}   "
                  f"geheugen {statistics.median(m.rss for m in ms):5.0f} MB")
    print("\n2. Koude build: CPU-seconden per deel (tijdlijn, P2G_TIJDLIJN=1) en de vloer van twee kernen (cpu / 2)")
    parts = {f: cold_parts(builds[f]) for f in scales}
    for f in scales:
        cpu, wall = parts[f]["totaal"], [r["koud"].wall for r in builds[f]]
        floor = [c / 2 for c in cpu]
        print(f"  {f:>3}x " + "  ".join(f"{p} {statistics.median(parts[f][p]):.2f}" for p in PARTS)
              + f"\n       totaal {cell(cpu)}  vloer {statistics.median(floor):.2f} s  wand {statistics.median(wall):.2f} s"
              f" = {statistics.median(w / fl for w, fl in zip(wall, floor, strict=True)):.2f} x de vloer")
    growth = {}
    judged = list(JUDGED)
    if len(scales) > 1:
        print("\n3. Groei (exponent: 1.0 = lineair) van de mediane CPU-seconden tussen de schalen")
        pairs = list(itertools.pairwise(scales)) + ([(scales[0], scales[-1])] if len(scales) > 2 else [])
        print("  " + " " * 36 + "".join(f"{f'{a}x->{b}x':>10}" for a, b in pairs))
        rows = {p: [statistics.median(parts[f][p]) for f in scales] for p in PARTS + ("totaal",)}
        for step in ("koud", "niets", "instrument", "titel"):
            rows[f"{step} (wand)"] = [statistics.median(r[step].wall for r in builds[f]) for f in scales]
        rows["geheugen koud"] = [statistics.median(r["koud"].rss for r in builds[f]) for f in scales]
        # the PDFs that cost most at the largest scale (the pocket cards, the map): each is one file at every scale
        cost = {name: [statistics.median(r["koud"].products.get(name, 0.0) for r in builds[f]) for f in scales]
                for name in builds[scales[-1]][0]["koud"].products}
        common = {name: values for name, values in cost.items() if all(values)}  # made at every scale
        for name in sorted(common, key=lambda n: common[n][-1], reverse=True)[:5]:
            rows[f"pdf {name[:32]}"] = common[name]
            if common[name][-1] >= COSTLY:  # one file whose cost grows with the content: judged like a part
                judged.append(f"pdf {name[:32]}")
        for name, values in rows.items():
            at = dict(zip(scales, values, strict=True))
            exps = [exponent(at[a], at[b], a, b) for a, b in pairs]
            growth[name] = exps[len(scales) - 2]  # the last step up: fixed costs weigh least there
            print(f"  {name:36}" + "".join(f"{e:10.2f}" for e in exps)
                  + "   (" + " / ".join(f"{v:.2f}" for v in values) + ")")
    if previews:
        print("\n4. Voorbeeld: seconden van opslaan tot de pagina met de nieuwe tekst (wand; p2g serve na een YAML-"
              "bewerking,\n   gewone mkdocs serve van dezelfde pagina's na een Markdown-bewerking)")
        for f, pairs_ in previews.items():
            print(f"  {f:>3}x p2g serve {cell([a for a, _ in pairs_])}   mkdocs serve {cell([b for _, b in pairs_])}")
    print("\nDoelen (issue 13): verhouding, mediaan [laagste-hoogste] per ronde gepaard, en waarop geoordeeld")
    ok = True
    for f in (1, 16):
        if f in previews:
            ok &= check(f"voorbeeld {f}x / gewone mkdocs serve", [a / b for a, b in previews[f]], 1.5, "wand")
    if 16 in builds:
        ok &= check("instrument bewerken 16x / 1x", [b["instrument"].cpu / a["instrument"].cpu
                                                      for a, b in zip(builds[1], builds[16], strict=False)], 2.0, "cpu")
    one = builds[1]
    ok &= check("titel bewerken / koud (1x)", [r["titel"].cpu / r["koud"].cpu for r in one], 0.4, "cpu")
    # wall time of a parallel build on a shared machine is what the load makes of it: judged on the cold build's
    # floor (its CPU seconds over two cores) against bare MkDocs' CPU seconds; the wall ratio is shown beside it
    ok &= check("koud (cpu/2) / kale mkdocs build (cpu), 1x", [r["koud"].cpu / 2 / r["kale mkdocs"].cpu for r in one],
                2.0, "cpu")
    print(f"  {'':44} (ter vergelijking, wand: koud / kale mkdocs = "
          f"{cell([r['koud'].wall / r['kale mkdocs'].wall for r in one], 1)})")
    for name in judged:
        if name in growth and not math.isnan(growth[name]):
            a, b = scales[-2], scales[-1]
            good = growth[name] <= LINEAR
            ok &= good
            print(f"  {'groei ' + name[:28] + f' {a}x->{b}x':44} {growth[name]:5.2f}{'':13}  doel <= {LINEAR:.2f}  cpu     "
                  f"{'gehaald' if good else 'NIET gehaald'}")
    missing = [t for t, present in (("voorbeeld 16x en instrument 16x", 16 in builds), ("groei", len(scales) > 1),
                                    ("voorbeeld", bool(previews))) if not present]
    if missing:
        print(f"  niet gemeten (telt niet mee): {'; '.join(missing)}")
    print(f"\n{'Alle gemeten doelen gehaald.' if ok else 'Niet alle doelen gehaald: exitcode 1.'}")
    return 0 if ok else 1
