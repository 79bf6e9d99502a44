"""The pre-commit hook a repository of packs uses: its entry runs, its pattern picks packs.

pre-commit runs ``entry`` + ``args`` + the staged file names in the hook's environment
and fails the commit on a non-zero exit. These tests do the same with the installed
``councildocs`` script (the one pre-commit's python environment would put on PATH),
pointed at this checkout's source.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import FIXTURES, ROOT

[HOOK] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def run_hook(*files: Path) -> subprocess.CompletedProcess:
    program, *arguments = shlex.split(HOOK["entry"])
    executable = shutil.which(program, path=str(Path(sys.executable).parent))
    if executable is None:
        pytest.skip(f"no {program} script beside {sys.executable}; install the package")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        # as pre-commit does: file names relative to the repository root, run from there
        [executable, *arguments, *HOOK.get("args", []), *(str(f.relative_to(ROOT)) for f in files)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_hook_declares_what_pre_commit_needs():
    assert HOOK["id"] == "councildocs-validate"
    assert HOOK["language"] == "python"
    assert HOOK["entry"] == "councildocs validate"
    assert HOOK["types"] == ["file"]
    assert HOOK["require_serial"] is True


@pytest.mark.parametrize(
    ("path", "checked"),
    [
        ("packs/wolverhampton_pack.pdf", True),
        ("packs/2025/Cabinet 30 January.PDF", True),
        ("exports/000_93c56be8f999743d.txt", True),
        ("pack.json", False),
        ("README.md", False),
        ("pdf/notes.md", False),
        ("minutes.txt.bak", False),
    ],
)
def test_files_pattern_picks_pdfs_and_text_exports(path, checked):
    # pre-commit matches `files` with re.search against the path from the repository root
    assert bool(re.search(HOOK["files"], path)) is checked


def test_hook_fails_a_pack_with_errors_and_names_them():
    result = run_hook(FIXTURES / "wolverhampton_pack.pdf")
    assert result.returncode == 1, result.stderr
    assert "FIG001 error: stated 16.5% increase, but 191 → 221 is a 15.7% increase" in result.stdout
    assert "CON002 error" in result.stdout


def test_hook_passes_a_pack_with_warnings_only():
    # the Kent fixture is untagged (PUB003, a warning): below the default fail level
    result = run_hook(FIXTURES / "kent_cabinet_pack.pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PUB003 warning" in result.stdout


def test_hook_with_several_files_and_an_unreadable_one():
    result = run_hook(
        FIXTURES / "kent_cabinet_pack.pdf",
        FIXTURES / "west_of_england_report.txt",
        FIXTURES / "bad_encrypted.pdf",
    )
    assert result.returncode == 2
    assert (
        "councildocs: error: tests/fixtures/bad_encrypted.pdf: the PDF is encrypted"
        in result.stderr
    )
    # the readable files are still checked
    assert (
        "kent_cabinet_pack.pdf" in result.stdout and "west_of_england_report.txt" in result.stdout
    )
