"""Per-file limits: a file past its time or its memory fails in one line, the others finish.

The slow and the big inputs are generated here, small on disk: a text export of some
megabytes (parsing takes seconds), a PDF whose one content stream inflates to 160 MiB of
spaces (PDFium holds it whole), and work functions that sleep or allocate.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from councildocs.batch import run_batch
from councildocs.workers import Limits, format_size, parse_size

from ..conftest import FIXTURES
from ..fixtures.pdf_objects import pdf_file

COUNCILDOCS = str(Path(sys.executable).parent / "councildocs")
SMALL_EXPORT = FIXTURES / "programme_heading_pack.txt"


def _work(path: str) -> int:
    """Test work: a file saying 'sleep' never finishes, 'grow' asks for 64 GiB, else its number."""
    text = Path(path).read_text().strip()
    if text == "sleep":
        time.sleep(600)
    if text == "grow":
        return len(bytearray(64 << 30))
    return int(text)


@pytest.fixture()
def files(tmp_path):
    def write(**contents: str) -> list[str]:
        paths = []
        for name, content in contents.items():
            path = tmp_path / f"{name}.txt"
            path.write_text(content)
            paths.append(str(path))
        return paths

    return write


def _address_space() -> int:
    status = Path("/proc/self/status").read_text()
    return next(int(line.split()[1]) * 1024 for line in status.splitlines() if "VmSize" in line)


def test_a_file_past_its_time_is_stopped_and_named_while_the_others_finish(files):
    paths = files(a="3", slow="sleep", b="5", c="7")
    started = time.monotonic()
    outcomes = list(run_batch(paths, _work, jobs=2, limits=Limits(timeout=0.5)))
    assert time.monotonic() - started < 60  # not the 600 s the slow file asks for
    assert [o.path for o in outcomes] == paths
    assert [o.value for o in outcomes] == [3, None, 5, 7]
    assert outcomes[1].error == "timed out after 0.5 s"


def test_python_asking_for_more_memory_than_the_cap_is_named_and_the_worker_goes_on(files):
    paths = files(a="3", big="grow", b="5")
    # the worker is forked from this (large) test process, so the cap is set above its size
    cap = _address_space() + (512 << 20)
    outcomes = list(run_batch(paths, _work, jobs=1, limits=Limits(memory=cap)))
    assert [o.value for o in outcomes] == [3, None, 5]
    assert outcomes[1].error == f"needed more than {format_size(cap)}"


def test_limits_with_a_caller_s_executor_are_refused(files):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool, pytest.raises(ValueError, match="executor"):
        list(run_batch(files(a="1"), _work, executor=pool, limits=Limits(timeout=1)))


def test_sizes_read_and_written_as_people_write_them():
    assert parse_size("2G") == 2 << 30
    assert parse_size("1.5GiB") == 3 << 29
    assert parse_size("800M") == parse_size("800MB") == 800 << 20
    assert format_size(2 << 30) == "2 GiB"
    assert format_size(250 << 20) == "250 MiB"
    for bad in ("lots", "2X", "10"):  # 10 bytes: too little to parse anything
        with pytest.raises(ValueError):
            parse_size(bad)


# --- the command line, in a fresh process as a user runs it ----------------------------


def _inflating_pdf(path: Path, spaces: int) -> Path:
    """One page whose content stream is ``spaces`` spaces, deflated to a few hundred KB."""
    deflate = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    stream = b"".join(deflate.compress(chunk) for _ in range(spaces >> 20)) + deflate.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    path.write_bytes(pdf_file(objects))
    return path


def _run(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [COUNCILDOCS, *arguments], capture_output=True, text=True, timeout=120, check=False
    )


def _jsonl(path: Path) -> dict[str, dict]:
    records = [json.loads(line) for line in path.read_text().splitlines()]
    return {record.get("path") or record["source"]["path"]: record for record in records}


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    """160 MiB of spaces in a stream of some 160 KB: more than a 150 MiB worker can hold."""
    path = _inflating_pdf(tmp_path_factory.mktemp("bomb") / "inflates.pdf", 160 << 20)
    assert path.stat().st_size < 200_000
    return path


def test_cli_a_file_that_needs_more_memory_than_the_cap_is_one_line_and_others_are_kept(
    tmp_path, bomb
):
    out = tmp_path / "out.jsonl"
    limits = ["--no-cache", "--max-memory", "150M"]
    run = _run("parse", str(SMALL_EXPORT), str(bomb), *limits, "-o", str(out))
    assert run.returncode == 1  # a batch with a failed file
    errors = [line for line in run.stderr.splitlines() if "error" in line]
    assert errors == [f"councildocs: error: {bomb}: needed more than 150 MiB"]
    records = _jsonl(out)
    assert records[str(bomb)]["error"] == "needed more than 150 MiB"
    assert records[str(SMALL_EXPORT)]["source"]["page_count"] == 12
    # one file alone: the same line, exit 2
    alone = _run("parse", str(bomb), *limits)
    assert alone.returncode == 2
    assert alone.stderr == f"councildocs: error: {bomb}: needed more than 150 MiB\n"


def test_cli_a_file_past_the_timeout_is_one_line_and_the_others_are_kept(tmp_path):
    # a text export of 6 MB takes many seconds to parse: far past the timeout
    slow = tmp_path / "slow.txt"
    slow.write_text(SMALL_EXPORT.read_text() * (6_000_000 // SMALL_EXPORT.stat().st_size))
    out = tmp_path / "out.jsonl"
    run = _run(
        "parse", str(SMALL_EXPORT), str(slow), "--no-cache", "--timeout", "3", "-o", str(out)
    )
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if "error" in line]
    assert errors == [f"councildocs: error: {slow}: timed out after 3 s"]
    records = _jsonl(out)
    assert records[str(slow)]["error"] == "timed out after 3 s"
    assert records[str(SMALL_EXPORT)]["source"]["page_count"] == 12


def test_cli_refuses_a_memory_cap_it_cannot_read():
    run = _run("parse", str(SMALL_EXPORT), "--max-memory", "lots")
    assert run.returncode == 2
    assert "is not a size such as 4G" in run.stderr


def test_cli_validate_reports_the_file_past_the_cap_and_checks_the_others(bomb):
    run = _run("validate", str(SMALL_EXPORT), str(bomb), "--no-cache", "--max-memory", "150M")
    assert f"councildocs: error: {bomb}: needed more than 150 MiB" in run.stderr.splitlines()
    assert "IO001 error: needed more than 150 MiB" in run.stdout
    # the other file was checked: its minutes' missing apologies (MIN002) are reported
    assert "MIN002" in run.stdout


def test_parse_many_takes_the_limits_and_runs_the_next_file_after_a_kill(tmp_path):
    import councildocs

    slow = tmp_path / "slow.txt"
    slow.write_text(SMALL_EXPORT.read_text() * (6_000_000 // SMALL_EXPORT.stat().st_size))
    # one worker, the larger file first: the small one runs in a fresh worker after the kill
    outcomes = list(
        councildocs.parse_many([SMALL_EXPORT, slow], jobs=1, limits=councildocs.Limits(timeout=3))
    )
    assert [o.error for o in outcomes] == [None, "timed out after 3 s"]
    assert outcomes[0].value.pack().source.page_count == 12


def test_cli_standard_input_is_parsed_under_the_same_limits(bomb):
    run = subprocess.run(
        [COUNCILDOCS, "parse", "-", "--max-memory", "150M"],
        input=bomb.read_bytes(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 2
    assert run.stderr == b"councildocs: error: <stdin>: needed more than 150 MiB\n"
