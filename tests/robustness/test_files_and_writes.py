"""Hostile files and outputs: one line naming the path and the problem, exit 2, no hang."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from councildocs.cli import main

from ..conftest import FIXTURES

TEXT = FIXTURES / "programme_heading_pack.txt"


def _invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_a_fifo_named_pdf_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "x.pdf"
    os.mkfifo(fifo)
    result = _invoke("parse", fifo)
    assert result.exit_code == 2
    assert (
        result.stderr == f"councildocs: error: {fifo}: not a regular file (it is a FIFO or pipe)\n"
    )


def test_a_symlink_to_a_device_is_refused(tmp_path):
    link = tmp_path / "x.txt"
    link.symlink_to("/dev/zero")
    result = _invoke("parse", link)
    assert result.exit_code == 2
    assert result.stderr == f"councildocs: error: {link}: not a regular file (it is a device)\n"


def test_a_symlink_loop_says_so(tmp_path):
    (tmp_path / "a.pdf").symlink_to(tmp_path / "b.pdf")
    (tmp_path / "b.pdf").symlink_to(tmp_path / "a.pdf")
    result = _invoke("parse", tmp_path / "a.pdf")
    assert result.exit_code == 2
    assert "a symlink loop" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_output_onto_a_symlink_or_fifo_is_refused_and_left_alone(tmp_path):
    target = tmp_path / "kept.json"
    target.write_text("precious")
    link = tmp_path / "out.json"
    link.symlink_to(target)
    result = _invoke("parse", TEXT, "-o", link)
    assert result.exit_code == 2
    assert "is a symlink" in result.stderr
    assert link.is_symlink() and target.read_text() == "precious"
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    result = _invoke("parse", TEXT, "-o", fifo)
    assert result.exit_code == 2
    assert "is a FIFO or pipe, not a regular file" in result.stderr


def test_output_under_a_file_is_one_line_and_leaves_nothing(tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    result = _invoke("parse", TEXT, "-o", blocker / "x.json")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "cannot write here" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_tables_csv_under_a_file_is_one_line(tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    result = _invoke("tables", TEXT, "--csv", blocker / "t")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "cannot write here" in result.stderr


def test_export_into_a_missing_folder_or_a_non_database(tmp_path):
    missing = _invoke("export", TEXT, "--sqlite", tmp_path / "nodir" / "x.db")
    assert missing.exit_code == 2
    assert "does not exist" in missing.stderr
    other = tmp_path / "notes.db"
    other.write_text("not a database at all\n" * 100)
    result = _invoke("export", TEXT, "--sqlite", other, "-q")
    assert result.exit_code == 2
    assert "file is not a database" in result.stderr


def test_export_exits_2_for_unreadable_input(tmp_path):
    result = _invoke("export", tmp_path / "nothere.txt", TEXT, "--sqlite", tmp_path / "x.db", "-q")
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_stdout_on_a_full_disk_is_one_line(tmp_path):
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [str(Path(sys.executable).parent / "councildocs"), "parse", str(TEXT), "--no-cache"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 2
    assert done.stderr == "councildocs: error: <stdout>: cannot write (No space left on device)\n"
