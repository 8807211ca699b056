"""Property test: mutated content (deleted and renamed keys, wrong types, broken YAML, binary bytes, huge strings,
odd unicode, duplicate ids, dangling references) either validates or fails with path:line messages, never crashes."""

from __future__ import annotations

import shutil
import subprocess
import sys

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ARTIFACTS, MINIMAL, REPO
from site_build.content.validate import load_content
from site_build.core.problems import ContentError

FILES = sorted(p.relative_to(MINIMAL).as_posix() for p in MINIMAL.rglob("*.yml"))
ODD = ["\u202e", "\u200b", "\ufeff", "e\u0301", "😀", "\u0000", "\ud7ff", "ﬁ", "İ", "\t", "\r", "\x85", "\u2028"]


def paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from paths(v, prefix + (i,))


def get(data, path):
    for p in path:
        data = data[p]
    return data


def mutate(text: str, op: str, draw) -> bytes | str:
    if op == "binary":
        return draw(st.binary(min_size=1, max_size=200))
    if op == "broken":
        cut = draw(st.integers(0, len(text)))
        return text[:cut] + draw(st.sampled_from(["[", "{", ": :", "\n  - :", "\t", "'", '"', "&a *b", "!!python/object x", "---\n"])) + text[cut:]
    if op == "odd":
        cut = draw(st.integers(0, len(text)))
        return text[:cut] + draw(st.sampled_from(ODD)) + text[cut:]
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:  # an earlier mutation already broke this file: break it some more
        return text + "\n:"
    targets = [p for p in paths(data) if p]
    if not targets:
        return text
    path = draw(st.sampled_from(targets))
    parent, key = get(data, path[:-1]), path[-1]
    if op == "delete":
        del parent[key]
    elif op == "rename" and isinstance(key, str):
        parent[key + draw(st.sampled_from(["x", "_", "s"]))] = parent.pop(key)
    elif op == "type":
        parent[key] = draw(st.sampled_from([0, -1, 3.5, True, None, [], {}, ["a"], {"a": 1}, "", "nee"]))
    elif op == "huge":
        parent[key] = "x" * draw(st.sampled_from([30_000, 60_000, 2_100_000]))
    elif op == "dangling":
        parent[key] = draw(st.sampled_from(["spiegel", "bestaat-niet", "interview-strat", "c1-b9"]))
    elif op == "dupe":
        if isinstance(parent, list):
            parent.append(parent[key])
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_mutations_never_crash(tmp_path_factory):
    """Every mutation either validates or fails with its place; the count is checked in the same test, so the
    result does not depend on which tests ran before."""
    count = {"mutaties": 0, "geldig": 0, "ongeldig": 0}

    @settings(max_examples=150, deadline=10_000, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def one(data):
        project = tmp_path_factory.mktemp("mutatie")
        shutil.copytree(MINIMAL / "content", project / "content")
        shutil.copytree(MINIMAL / "instruments", project / "instruments")
        for _ in range(data.draw(st.integers(1, 3))):
            rel = data.draw(st.sampled_from(FILES))
            op = data.draw(st.sampled_from(["binary", "broken", "odd", "delete", "rename", "type", "huge", "dangling",
                                            "dupe", "copy"]))
            path = project / rel
            if op == "copy":  # a second file with the same id
                shutil.copy2(path, path.with_name("kopie-" + path.name))
                continue
            result = mutate(path.read_text(encoding="utf-8", errors="replace"), op, data.draw)
            path.write_bytes(result if isinstance(result, bytes) else result.encode("utf-8", errors="surrogatepass"))
        count["mutaties"] += 1
        try:
            load_content(project)
            count["geldig"] += 1
        except ContentError as error:
            count["ongeldig"] += 1
            assert error.problems
            for problem in error.problems:
                assert (project / problem.path).exists(), problem
                assert problem.line >= 1 and problem.col >= 1, problem
                assert problem.message and "Traceback" not in problem.message

    one()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "mutaties.txt").write_text(f"{count}\n", encoding="utf-8")
    assert count["mutaties"] >= 100 and count["ongeldig"] > 0, count


def test_cli_never_shows_a_traceback(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(MINIMAL / "content", project / "content")
    shutil.copytree(MINIMAL / "instruments", project / "instruments")
    (project / "content/plg.yml").write_bytes(b"\xff\xfe\x00garbage")
    (project / "instruments/interview-start.yml").write_text("id: [\n", encoding="utf-8")
    (project / "content/start.yml").write_text("", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "site_build.cli", "--map", str(project), "validate"],
                         capture_output=True, text=True, cwd=REPO, timeout=60)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr + run.stdout
    assert len([line for line in run.stderr.splitlines() if line.startswith(("content/", "instruments/"))]) == 3
