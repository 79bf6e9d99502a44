"""parse_many and validate_many on a caller's executor: a thread pool, and a Dask cluster
on this machine, give what a serial run gives (issue 18)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import councildocs

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests/fixtures"
PACKS = [
    FIXTURES / "kent_cabinet_pack.pdf",
    FIXTURES / "wolverhampton_pack.pdf",
    FIXTURES / "west_of_england_report.txt",
    FIXTURES / "programme_heading_pack.pdf",
]


def serial(paths):
    return {o.path: o.value.json for o in councildocs.parse_many(paths, jobs=1)}


def test_parse_many_on_a_thread_pool_matches_a_serial_run(tmp_path):
    missing = str(tmp_path / "missing.pdf")
    with ThreadPoolExecutor(2) as pool:
        outcomes = list(councildocs.parse_many([*PACKS, missing], executor=pool))
    assert sorted(o.path for o in outcomes) == sorted([*map(str, PACKS), missing])
    failed = [o for o in outcomes if not o.ok]
    assert [o.path for o in failed] == [missing]
    assert failed[0].error == "no such file"
    assert {o.path: o.value.json for o in outcomes if o.ok} == serial(PACKS)


def test_parse_many_starts_the_largest_file_first(tmp_path):
    started = []

    class Recording(ThreadPoolExecutor):
        def submit(self, function, *args, **kwargs):
            started.append(Path(args[1]).name)
            return super().submit(function, *args, **kwargs)

    with Recording(1) as pool:
        list(councildocs.parse_many(PACKS, executor=pool))
    by_size = sorted(PACKS, key=lambda p: -p.stat().st_size)
    assert started == [p.name for p in by_size]


def test_validate_many_on_a_thread_pool_matches_validate():
    with ThreadPoolExecutor(2) as pool:
        outcomes = list(councildocs.validate_many(PACKS[:2], ignore="PUB", executor=pool))
    for outcome in outcomes:
        assert outcome.ok
        assert outcome.value == councildocs.validate(outcome.path, ignore="PUB")


def test_validate_many_refuses_an_unknown_rule_before_reading_a_file():
    with pytest.raises(councildocs.UnknownRule):
        councildocs.validate_many(PACKS, select="NOPE999")


def test_the_dask_recipe_runs_a_folder_on_a_local_cluster(tmp_path):
    """docs/recipes/dask_archive.py as written, on a LocalCluster bound to 127.0.0.1."""
    pytest.importorskip("distributed")
    folder = tmp_path / "packs"
    folder.mkdir()
    for pack in PACKS[:2]:
        shutil.copy(pack, folder / pack.name)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    jsonl, database = tmp_path / "packs.jsonl", tmp_path / "packs.db"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "docs/recipes/dask_archive.py"),
            str(folder),
            str(jsonl),
            str(database),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr  # the broken file, named on stderr
    assert "broken.pdf" in result.stderr and "parsed 2, failed 1" in result.stderr
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    on_dask = {json.loads(line)["source"]["path"]: line for line in lines}
    expected = serial(sorted(folder.glob("*_pack.pdf")))
    assert on_dask == expected
    with sqlite3.connect(database) as db:
        paths = sorted(row[0] for row in db.execute("select path from packs"))
    assert paths == sorted(expected)
