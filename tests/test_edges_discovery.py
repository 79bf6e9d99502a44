"""Walking a folder as ruff does, run as a user runs it: the installed command in a
repository that has a ``.git``, a ``.venv`` (pip's LICENSE.txt in it), hidden folders and
a ``.gitignore``; ``--exclude`` and the ``exclude`` setting; refusals and standard input."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pathspec
import pytest

from councildocs.inputs import ignore_patterns, is_ignored

from .conftest import FIXTURES
from .test_edges_terminal import installed_command, user_environment

REPORT = FIXTURES / "west_of_england_report.txt"


def councildocs(*arguments: str, cwd: Path, stdin: bytes | None = None):
    return subprocess.run(
        [*installed_command(), *arguments],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=user_environment(),
        timeout=120,
    )


@pytest.fixture
def repository(tmp_path) -> Path:
    """A packs repository as people keep them, with what must not be read."""
    text = REPORT.read_bytes()
    for wanted in ("packs/2025/cabinet.txt", "packs/scrutiny.txt", "notes/2024 council.txt"):
        (tmp_path / wanted).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / wanted).write_bytes(text)
    unwanted = {
        ".git/description": b"Unnamed repository\n",
        ".git/logs/HEAD.txt": b"0000 commit: first\n",
        ".venv/pyvenv.cfg": b"home = /usr/bin\n",
        ".venv/lib/python3.11/site-packages/pip-24.0.dist-info/LICENSE.txt": b"MIT License\n",
        "env/pyvenv.cfg": b"home = /usr/bin\n",  # a virtual environment by any name
        "env/LICENSE.txt": b"MIT License\n",
        ".cache/old.txt": text,
        "packs/.~lock.cabinet.txt": text,
        "build/out.txt": text,  # ignored by the top .gitignore
        "packs/2025/scratch.txt": text,  # ignored by packs/.gitignore
        "drafts/draft.txt": text,  # by the exclude setting in pyproject.toml
        "packs/2025/cabinet.scan.txt": text,  # by --exclude
    }
    for name, data in unwanted.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    (tmp_path / ".gitignore").write_text("build/\n*.log\n")
    (tmp_path / "packs" / ".gitignore").write_text("scratch.txt\n")
    (tmp_path / "pyproject.toml").write_text('[tool.councildocs]\nexclude = ["drafts/"]\n')
    return tmp_path


WANTED = ["notes/2024 council.txt", "packs/2025/cabinet.txt", "packs/scrutiny.txt"]


def checked_files(result) -> list[str]:
    assert result.returncode == 0, result.stderr.decode()
    return [entry["path"] for entry in json.loads(result.stdout)]


def test_validate_dot_reads_the_packs_and_nothing_a_repository_hides(repository):
    result = councildocs(
        "validate",
        ".",
        "--format",
        "json",
        "--exit-zero",
        "--exclude",
        "*.scan.txt",
        cwd=repository,
    )
    assert checked_files(result) == WANTED
    assert b"LICENSE" not in result.stderr


def test_without_exclude_the_option_s_file_is_read(repository):
    result = councildocs("validate", "packs", "--format", "json", "--exit-zero", cwd=repository)
    assert checked_files(result) == [
        "packs/2025/cabinet.scan.txt",
        "packs/2025/cabinet.txt",
        "packs/scrutiny.txt",
    ]


def test_the_gitignore_of_the_repository_reaches_a_subfolder(repository):
    (repository / "packs" / "build").mkdir()
    (repository / "packs" / "build" / "x.txt").write_bytes(REPORT.read_bytes())
    result = councildocs(
        "parse", "packs", "--exclude", "*.scan.txt", "-q", "--no-cache", cwd=repository
    )
    lines = result.stdout.decode().splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [
        "packs/2025/cabinet.txt",
        "packs/scrutiny.txt",
    ]


def test_a_file_named_explicitly_is_read_even_if_ignored(repository):
    result = councildocs(
        "validate", "build/out.txt", "--format", "json", "--exit-zero", cwd=repository
    )
    assert checked_files(result) == ["build/out.txt"]


def test_globs_leave_out_excluded_paths(repository):
    result = councildocs(
        "validate",
        "**/*.txt",
        "--format",
        "json",
        "--exit-zero",
        "--exclude",
        "*.scan.txt",
        "--exclude",
        "build/",
        "--exclude",
        "packs/2025/scratch.txt",
        "--exclude",
        "env/",
        cwd=repository,
    )
    assert checked_files(result) == WANTED


def test_parse_refuses_saved_output_with_a_hint(repository):
    saved = repository / "pack.json"
    saved.write_bytes((FIXTURES / "rules" / "CON002_fail.json").read_bytes())
    result = councildocs("parse", "pack.json", cwd=repository)
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode() == (
        "councildocs: error: pack.json: this is saved parse output, not a pack; read it with "
        "`councildocs validate` or `councildocs export`\n"
    )


def test_dash_reads_standard_input(repository):
    result = councildocs("parse", "-", cwd=repository, stdin=REPORT.read_bytes())
    assert result.returncode == 0, result.stderr
    pack = json.loads(result.stdout)
    assert pack["source"]["path"] == "<stdin>"
    assert pack["meeting"]["body"] == "Joint Committee"
    tables = councildocs(
        "tables", "-", cwd=repository, stdin=(FIXTURES / "wolverhampton_pack.pdf").read_bytes()
    )
    assert [t["document"] for t in json.loads(tables.stdout)] == [3, 4, 4, 5]


def test_tables_takes_folders_like_parse(repository):
    result = councildocs("tables", "packs", "--exclude", "*.scan.txt", cwd=repository)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []  # the report has no tables; both files were read


# git's own rules, through pathspec (the library pre-commit and black use), as the oracle
GITIGNORE = ["build/", "*.log", "!keep.log", "/top.txt", "docs/**/draft*", "a/**", "[ab]?.txt"]
PATHS = [
    ("build", True),
    ("src/build", True),
    ("build", False),
    ("x.log", False),
    ("deep/x.log", False),
    ("keep.log", False),
    ("top.txt", False),
    ("sub/top.txt", False),
    ("docs/draft1.txt", False),
    ("docs/a/b/draft2.txt", False),
    ("docs/final.txt", False),
    ("a/anything.txt", False),
    ("ab.txt", False),
    ("sub/bc.txt", False),
    ("cc.txt", False),
]


@pytest.mark.parametrize(("path", "is_folder"), PATHS)
def test_gitignore_patterns_match_as_git_matches_them(tmp_path, path, is_folder):
    oracle = pathspec.GitIgnoreSpec.from_lines(GITIGNORE)
    expected = oracle.match_file(path + ("/" if is_folder else ""))
    assert is_ignored(tmp_path / path, is_folder, ignore_patterns(GITIGNORE, tmp_path)) == expected
