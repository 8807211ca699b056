"""Trainer tooling: VS Code maps every content file to its schema by folder (the same schema as its modeline), the
pre-commit hook needs no prepared .venv, and the devcontainer sets up and forwards the preview port."""

from __future__ import annotations

import json
import re
import subprocess
from fnmatch import fnmatch
from pathlib import Path

import yaml

from conftest import REPO


def _jsonc(path: Path) -> dict:
    # devcontainer.json allows // comments on their own lines
    return json.loads("\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                                if not line.lstrip().startswith("//")))


def _modeline_schema(path: Path) -> str | None:
    match = re.match(r"# yaml-language-server: \$schema=(\S+)", path.read_text(encoding="utf-8").splitlines()[0])
    return (path.parent / match.group(1)).resolve().relative_to(REPO).as_posix() if match else None


def test_vscode_maps_every_content_file_to_the_schema_of_its_modeline():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for schema in mapping:
        assert (REPO / schema).is_file(), schema
    files = sorted(p for folder in ("content", "instruments", "voorbeelden") for p in (REPO / folder).rglob("*.yml"))
    checked = 0
    for path in files:
        expected = _modeline_schema(path)
        if expected is None:
            continue  # not a content file (e.g. the GitLab example)
        rel = path.relative_to(REPO).as_posix()
        matches = [Path(s).as_posix().removeprefix("./") for s, glob in mapping.items() if fnmatch(rel, glob)]
        assert matches == [expected], f"{rel}: {matches}, verwacht {expected}"
        checked += 1
    assert checked >= 30
    # every schema that content uses is mapped, so a new file in any folder gets help without the modeline
    assert {Path(s).name for s in mapping} == {p.name for p in (REPO / "schema").glob("*.schema.json")}
    recommended = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))["recommendations"]
    assert "redhat.vscode-yaml" in recommended


def test_pre_commit_hook_runs_the_self_installing_script():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["entry"] == "tools/valideer.sh" and hook["language"] == "script"
    script = (REPO / "tools" / "valideer.sh").read_text(encoding="utf-8")
    assert "make --no-print-directory .venv/.geinstalleerd" in script and "requirements/site.txt" in script
    done = subprocess.run(["bash", str(REPO / "tools" / "valideer.sh")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_devcontainer_sets_up_and_forwards_the_preview():
    config = _jsonc(REPO / ".devcontainer" / "devcontainer.json")
    assert "bookworm" in config["image"] and "python" in config["image"]
    assert "make .venv/.geinstalleerd" in config["postCreateCommand"]
    assert "tools/systeem.sh site" in config["postCreateCommand"]
    assert 8000 in config["forwardPorts"]
    assert "redhat.vscode-yaml" in config["customizations"]["vscode"]["extensions"]


def test_pre_commit_runs_the_same_ruff_as_make_test():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    ruff = next(h for h in config["repos"][0]["hooks"] if h["id"] == "ruff")
    pinned = [line for line in (REPO / "requirements" / "test.txt").read_text(encoding="utf-8").splitlines()
              if line.startswith("ruff==")]
    assert pinned and ruff["additional_dependencies"] == pinned
    assert "ruff check" in (REPO / "Makefile").read_text(encoding="utf-8")


def test_no_output_is_committed():
    # .gitignore is the one list of what builds and tests make (site/, build/, pdf/, test-artifacts/ ...); a
    # tracked file it matches is output that slipped into a commit, as 32 screenshots once did in a merge.
    tracked_output = subprocess.run(["git", "ls-files", "--cached", "--ignored", "--exclude-standard"],
                                    capture_output=True, text=True, cwd=REPO, check=True).stdout.split()
    assert tracked_output == []
