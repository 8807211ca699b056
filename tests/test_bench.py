"""The bench's scaled content (bench/scale.py): a copy with N times the items is valid content, with N times the
instruments, and references inside a copy point at the copy of the same round. No build: the fast loop runs it."""

from __future__ import annotations

import sys

from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from scale import FOLDERS, copy_project, scale  # noqa: E402

from site_build.content.validate import load_content  # noqa: E402


def test_four_times_the_content_validates_with_four_times_the_items(tmp_path):
    project = copy_project(tmp_path / "project")
    before = {folder: len(list((REPO / folder).glob("*.yml"))) for folder in FOLDERS}
    counts = scale(project, 4)
    assert counts == {folder: 4 * n for folder, n in before.items()}
    content = load_content(project)  # raises ContentError with every problem when the copy is not valid
    assert len(content.instrumenten) == 4 * before["instruments"]
    assert len(content.vaardigheden) == 4 * before["content/vaardigheden"]
    # a copy refers to the copies of its own round: a variant of the copied instrument, the copied skills
    variants = [i for i in content.instrumenten if i.variant_van and i.id.endswith("-k3")]
    assert variants and all(i.variant_van.endswith("-k3") for i in variants)
    assert any(i.titel.endswith("(kopie 4)") for i in content.instrumenten)


def test_the_parts_of_one_pdf_count_as_one_product():
    from measure import products

    log = "\n".join([
        "  1.00s   1.00cpu  [11] render map-nummers-1.pdf", "  1.50s   1.40cpu  [11] render map-nummers-1.pdf klaar",
        "  1.00s   2.00cpu  [12] render map-nummers-2.pdf", "  1.20s   2.25cpu  [12] render map-nummers-2.pdf klaar",
        "  1.50s   1.40cpu  [11] render zakkaarten.pdf", "  1.60s   1.50cpu  [11] render zakkaarten.pdf klaar"])
    found = products(log)
    assert set(found) == {"render map-nummers (delen).pdf", "render zakkaarten.pdf"}
    assert abs(found["render map-nummers (delen).pdf"] - 0.65) < 1e-9
    assert abs(found["render zakkaarten.pdf"] - 0.10) < 1e-9
