"""The cache on a bad day: a damaged entry, a folder that cannot be written, the same
bytes read by another reader, a pipe that can be read only once."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from click.testing import CliRunner

from councildocs.cache import PackCache
from councildocs.cli import main
from councildocs.errors import UnwritableOutput

from ..conftest import FIXTURES

REPORT = FIXTURES / "west_of_england_report.txt"
TITLE = "Bus Shelter Renewal Programme 2025-26"


def _invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_a_damaged_entry_is_parsed_again_and_replaced(tmp_path):
    cache_dir = tmp_path / "cache"
    first = _invoke("parse", REPORT, "--cache-dir", cache_dir)
    assert first.exit_code == 0
    [entry] = (cache_dir).rglob("*.json")
    # a flipped byte in the stored title: still JSON, still a Pack, but not what was stored
    damaged = entry.read_text(encoding="utf-8").replace(TITLE, TITLE.replace("B", "C"))
    entry.write_text(damaged, encoding="utf-8")
    second = _invoke("parse", REPORT, "--cache-dir", cache_dir)
    assert second.exit_code == 0
    assert json.loads(second.stdout)["documents"][0]["title"] == TITLE
    assert second.stdout == first.stdout
    assert TITLE in entry.read_text(encoding="utf-8")  # stored afresh


def test_a_cache_folder_that_cannot_be_made_warns_once_and_parses(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    copies = []
    for name in ("one.txt", "two.txt"):
        shutil.copy(REPORT, tmp_path / name)
        copies.append(tmp_path / name)
    result = _invoke("parse", *copies, "--cache-dir", blocker / "cache", "--jobs", "2", "-q")
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "cache" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith(
        f"councildocs: warning: cannot write to the cache folder {blocker}"
    )
    assert [json.loads(line)["documents"][0]["title"] for line in result.stdout.splitlines()] == [
        TITLE,
        TITLE,
    ]


def test_a_full_disk_mid_run_warns_once_and_the_results_stand(tmp_path, monkeypatch):
    import councildocs.cache

    def disk_full(path, text):
        raise UnwritableOutput(str(path), "cannot write the file (No space left on device)")

    copies = []
    for name in ("one.txt", "two.txt", "three.txt"):
        (tmp_path / name).write_text(REPORT.read_text().replace("14 March", f"{len(name)} March"))
        copies.append(tmp_path / name)
    cache = tmp_path / "cache"
    assert PackCache(cache).check_writable()  # the folder itself is fine
    monkeypatch.setattr(councildocs.cache, "write_atomically", disk_full)
    result = _invoke("parse", *copies, "--cache-dir", cache, "--jobs", "1", "-q")
    assert result.exit_code == 0
    assert result.stderr.count("No space left on device") == 1
    assert len(result.stdout.splitlines()) == 3


def test_the_key_holds_the_reader_not_only_the_content(tmp_path):
    # the same bytes: text when named .txt (it only quotes the PDF header), a broken PDF
    # when named .pdf; the cached text result must not answer for the .pdf
    text = REPORT.read_text().replace("\n\n", "\nAttach the %PDF-1.7 file.\n\n", 1)
    (tmp_path / "pack.txt").write_text(text)
    (tmp_path / "pack.pdf").write_text(text)
    cache_dir = tmp_path / "cache"
    assert _invoke("parse", tmp_path / "pack.txt", "--cache-dir", cache_dir).exit_code == 0
    result = _invoke("parse", tmp_path / "pack.pdf", "--cache-dir", cache_dir)
    assert result.exit_code == 2
    assert "PDF" in result.stderr


def test_a_pipe_named_as_a_path_is_read_once_with_the_cache_on(tmp_path):
    # a pipe, not a file: the cache's hash must not consume what the parse reads
    result = subprocess.run(
        [sys.executable, "-m", "councildocs", "parse", "/dev/stdin", "--cache-dir", tmp_path],
        input=REPORT.read_bytes(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["documents"][0]["title"] == TITLE
