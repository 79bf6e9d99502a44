"""Datasette serves an exported corpus as a scrutiny officer would use it: labels for the
foreign keys, canned queries, full-text search of resolutions. Served on 127.0.0.1 only."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from councildocs.output import sqlite

from .conftest import FIXTURES
from .test_edges_terminal import installed_command, user_environment

PACKS = [FIXTURES / "wolverhampton_pack.pdf", FIXTURES / "kent_cabinet_pack.pdf"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    datasette = Path(sys.executable).parent / "datasette"
    if not datasette.exists():
        pytest.skip("datasette (a dev dependency) is not installed")
    folder = tmp_path_factory.mktemp("datasette")
    database, metadata = folder / "council.db", folder / "metadata.json"
    export = subprocess.run(
        [
            *installed_command(),
            "export",
            *map(str, PACKS),
            "--sqlite",
            str(database),
            "--datasette-metadata",
            str(metadata),
            "-q",
        ],
        capture_output=True,
        text=True,
        env=user_environment(),
        timeout=120,
    )
    assert export.returncode == 0, export.stderr
    port = _free_port()
    server = subprocess.Popen(
        [
            str(datasette),
            "serve",
            str(database),
            "--metadata",
            str(metadata),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield base, database
    finally:
        server.terminate()
        server.wait(timeout=10)


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def test_attendance_shows_people_by_name_not_id(served):
    base, _ = served
    page = urllib.request.urlopen(base + "/council/attendance", timeout=10).read().decode()
    # the Wolverhampton minutes' chair (her honorific is a column of its own); a label,
    # not a bare person_id
    assert ">Linda Leach</a>" in page
    rows = get_json(base + "/council/attendance.json?_labels=on&_shape=array")
    assert any(row["person_id"]["label"] == "Linda Leach" for row in rows)


def test_a_canned_query_answers(served):
    base, _ = served
    body = "Adults and Safer City Scrutiny Panel"
    url = f"{base}/council/decisions_of_a_body.json?_shape=array&body={body.replace(' ', '+')}"
    rows = get_json(url)
    assert rows and {row["body"] for row in rows} == {body}
    assert {row["date"] for row in rows} == {"2018-04-10"}


def test_full_text_search_finds_a_word_of_a_resolution(served):
    base, database = served
    rows = get_json(base + "/council/resolutions.json?_search=approved&_shape=array")
    assert rows and all("approved" in row["text"].lower() for row in rows)
    canned = get_json(base + "/council/search_resolutions.json?query=approved&_shape=array")
    assert [row["id"] for row in canned] and len(canned) == len(rows)


def test_the_metadata_describes_every_table(served):
    base, database = served
    metadata = get_json(base + "/-/metadata.json")
    tables = metadata["databases"]["council"]["tables"]
    db = sqlite.connect(database)
    assert set(tables) == set(db.table_names()) - {t for t in db.table_names() if "_fts" in t}
    assert tables["findings"]["facets"] == ["severity", "code"]


def test_the_full_text_index_holds_the_documents_words_not_labels(served):
    _, database = served
    db = sqlite.connect(database)
    # enum values and the tables' method and quality notes are not the papers' words
    for label in ("work_programme", "ruled", "aligned", "signature"):
        assert db.execute(
            "SELECT count(*) FROM documents WHERE instr(text, ?)", (label,)
        ).fetchone() == (0,), label
    for label in ("ruled", "aligned"):
        assert db.execute(
            "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (label,)
        ).fetchone() == (0,), label
    assert (
        db.execute(
            "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'slavery'"
        ).fetchone()[0]
        >= 1
    )
