"""The content cache (content/file_cache.py): a load from the cache gives exactly what loading afresh gives, a
damaged cache is never used, and a check that passed is done again as soon as anything it depends on changes."""

from __future__ import annotations

import pytest

from site_build.content.file_cache import FILE
from site_build.content.validate import load_content
from site_build.core.problems import ContentError


def dumps(content) -> dict:
    return {name: repr(value) for name, value in sorted(content.values.items())}


def test_a_load_from_the_cache_is_the_load_afresh(real):
    afresh = dumps(load_content(real))  # no build/: nothing cached, nothing written
    assert not (real / "build").exists()
    (real / "build").mkdir()
    first = load_content(real)
    assert (real / "build" / FILE).is_file()
    second = load_content(real)
    assert dumps(first) == dumps(second) == afresh
    assert second.sources == first.sources


def test_a_damaged_cache_is_made_again(real):
    (real / "build").mkdir()
    load_content(real)
    cache = real / "build" / FILE
    good = dumps(load_content(real))
    data = bytearray(cache.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte: the hash beside it no longer matches
    cache.write_bytes(bytes(data))
    assert dumps(load_content(real)) == good
    assert load_content(real) is not None and cache.is_file()


def test_a_passed_link_check_is_done_again_when_a_page_goes(real):
    (real / "build").mkdir()
    load_content(real)  # plg.yml links to privacy.md; the check passed and is cached
    (real / "content" / "paginas" / "plg" / "privacy.md").unlink()
    with pytest.raises(ContentError) as failed:
        load_content(real)
    assert any(p.path == "content/plg.yml" and "privacy.md" in p.message for p in failed.value.problems), \
        failed.value.problems


def test_a_problem_is_reported_every_time(real):
    (real / "build").mkdir()
    path = real / "content" / "morgen-beginnen.yml"
    text = path.read_text(encoding="utf-8")
    assert "(../plg/index.md)" in text
    path.write_text(text.replace("(../plg/index.md)", "(../plg/bestaat-niet.md)", 1), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ContentError) as failed:
            load_content(real)
        assert any(p.path == "content/morgen-beginnen.yml" and "bestaat-niet" in p.message
                   for p in failed.value.problems), failed.value.problems
