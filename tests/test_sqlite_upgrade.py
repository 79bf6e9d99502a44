"""A database the previous release wrote opens and takes a new export, as a user upgrades.

``tests/fixtures/sqlite/previous_release.db`` is main's export of wolverhampton_pack.pdf
made before the SQLite layer moved onto sqlite-utils: its hand-written schema, no schema
version, full-text triggers for insert and delete only, people unique by name alone.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess

import pytest

from councildocs.output import sqlite

from .conftest import FIXTURES
from .test_edges_terminal import installed_command, user_environment

PREVIOUS = FIXTURES / "sqlite" / "previous_release.db"
WOLVERHAMPTON = FIXTURES / "wolverhampton_pack.pdf"
KENT = FIXTURES / "kent_cabinet_pack.pdf"


@pytest.fixture
def previous(tmp_path):
    copy = tmp_path / "council.db"
    shutil.copy(PREVIOUS, copy)
    return copy


def test_the_fixture_is_the_previous_schema():
    old = sqlite3.connect(PREVIOUS)
    assert old.execute("PRAGMA user_version").fetchone() == (0,)
    columns = [row[1] for row in old.execute("PRAGMA table_info(resolutions)")]
    assert "votes_unanimous" in columns and "resolution_parts" not in columns
    assert old.execute("SELECT path FROM packs").fetchall() == [
        ("tests/fixtures/wolverhampton_pack.pdf",)
    ]


def test_the_installed_command_exports_into_the_previous_release_s_database(previous):
    result = subprocess.run(
        [*installed_command(), "export", str(KENT), str(WOLVERHAMPTON), "--sqlite", str(previous)],
        capture_output=True,
        text=True,
        env=user_environment(),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    db = sqlite3.connect(previous)
    assert db.execute("PRAGMA user_version").fetchone() == (sqlite.SCHEMA_VERSION,)
    # the Wolverhampton pack was replaced, not duplicated; Kent's was added
    assert db.execute("SELECT count(*) FROM packs").fetchone() == (2,)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # columns the old schema lacked are there and filled
    assert db.execute("SELECT DISTINCT language FROM packs").fetchall() == [("en-GB",)]
    # the rebuilt full-text index answers, and has the update trigger the old one lacked
    triggers = {
        name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    assert {"resolutions_ai", "resolutions_ad", "resolutions_au"} <= triggers
    assert "resolutions_fts_insert" not in triggers
    hits = db.execute(
        "SELECT count(*) FROM resolutions_fts WHERE resolutions_fts MATCH 'approved'"
    ).fetchone()
    assert hits == (3,)


def test_the_migration_keeps_the_old_rows_until_they_are_replaced(previous):
    db = sqlite.connect(previous)
    assert db.execute("SELECT count(*) FROM people").fetchone() == (15,)
    assert db.execute("SELECT count(*) FROM attendance").fetchone()[0] > 0
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # the index was rebuilt from the rows already there
    assert sqlite.resolutions_matching(db, "approved")


def test_a_database_from_a_newer_release_is_refused_in_one_line(tmp_path):
    newer = tmp_path / "newer.db"
    connection = sqlite3.connect(newer)
    connection.execute(f"PRAGMA user_version = {sqlite.SCHEMA_VERSION + 1}")
    connection.close()
    result = subprocess.run(
        [*installed_command(), "export", str(KENT), "--sqlite", str(newer), "-q"],
        capture_output=True,
        text=True,
        env=user_environment(),
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"councildocs: error: {newer}: the database has schema version "
        f"{sqlite.SCHEMA_VERSION + 1}; upgrade councildocs\n"
    )
