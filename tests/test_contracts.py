"""Contracts between what the project says and what it does: the README's command list is the CLI's, and every
Make target the README names exists (datasette's habit: documentation checked against the code)."""

from __future__ import annotations

import argparse
import re

from tests.conftest import REPO

from site_build.cli import make_parser

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = make_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_readme_lists_every_command_and_no_other():
    listed = set(re.findall(r"^- `p2g (\w+)", README, flags=re.M))
    assert listed == set(_commands()), f"README lists {sorted(listed)}, the CLI has {sorted(_commands())}"


def test_readme_names_every_option_of_every_command():
    missing = []
    for name, sub in _commands().items():
        line = re.search(rf"^- `p2g {name}\b.*?(?=^- `p2g |\Z)", README, flags=re.M | re.S)
        assert line, f"README has no line for p2g {name}"
        for action in sub._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help" and option not in line.group(0):
                    missing.append(f"p2g {name} {option}")
    assert not missing, "README does not mention: " + ", ".join(missing)


def test_readme_make_targets_exist():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, flags=re.M))
    named = set(re.findall(r"`make ([a-z][\w-]*)`", README))
    assert named and named <= targets, f"README names make targets that do not exist: {sorted(named - targets)}"
