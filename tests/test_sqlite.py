"""The SQLite export: the questions a researcher asks, answered from real packs.

Minutes, resolutions and statistics tables are filled by other parsers; until they land,
those questions are asked of a Pack built here from the seed's own text (the minutes of
10 April 2018 and the crime table of the Safer Wolverhampton report), and of the corpus
only to show the tables exist and the joins run.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from click.testing import CliRunner

import councildocs
from councildocs.cli import main
from councildocs.models import (
    Attendance,
    Finding,
    MinuteItem,
    MinutesDocument,
    Pack,
    Person,
    Resolution,
    Source,
    Statistics,
    StatisticsRecord,
    Table,
)
from councildocs.output import sqlite

from .conftest import SEED, corpus_pdfs, shared_file

SEED_AGENDA = [
    ("1", "Apologies"),
    ("2", "Declarations of Interest"),
    ("3", "Matters arising"),
    ("4", "Minutes of previous meetings"),
    ("5", "Adults and Safer City Scrutiny - Draft Work Programme"),
    ("6", "Modern Slavery - Update Report"),
    ("7", "Safer Wolverhampton Partnership Performance Update"),
]
PANEL = "Adults and Safer City Scrutiny Panel"
PANEL_MEMBERS = [
    "Cllr Barry Findlay",
    "Cllr Dr Michael Hardacre",
    "Cllr Linda Leach",
    "Cllr Lynne Moran",
    "Cllr Anwen Muston",
    "Cllr Rita Potter",
    "Cllr Tersaim Singh",
]
APPROVED = (
    "That the minutes of the meeting be approved as a correct record and signed by the Chair."
)


def minutes_pack(sha256: str = "a" * 64) -> Pack:
    """The seed's minutes of 10 April 2018 and its crime table, as the parsers will give them."""
    minutes = MinutesDocument(
        body=PANEL,
        date=dt.date(2018, 4, 10),
        attendance=Attendance(
            members=[Person(name=n, role="Chair" if "Leach" in n else None) for n in PANEL_MEMBERS],
            in_attendance=[Person(name="Julia Cleary", role="Systems and Scrutiny Manager")],
            apologies=[Person(name="Cllr Pat Patten")],
        ),
        items=[
            MinuteItem(
                number="3",
                title="Minutes of previous meetings",
                resolutions=[
                    Resolution(text=APPROVED),
                ],
            ),
            MinuteItem(
                number="4",
                title="Matters arising",
                text="There were no matters arising from the minutes.",
            ),
        ],
        tables=[
            Table(
                page=20,
                header=["Crime type", "2016-2017", "2017-2018", "Comments"],
                rows=[
                    ["Business Crime", "4,256", "4,954", ""],
                    ["Vehicle Crime", "1,890", "2,449", ""],
                    ["Robbery", "389", "423", "This equates to a 9% increase."],
                ],
                statistics=Statistics(
                    periods=["2016-2017", "2017-2018"],
                    records=[
                        StatisticsRecord(
                            category="Business Crime", values={"2016-2017": 4256, "2017-2018": 4954}
                        ),
                        StatisticsRecord(
                            category="Vehicle Crime", values={"2016-2017": 1890, "2017-2018": 2449}
                        ),
                        StatisticsRecord(
                            category="Robbery",
                            values={"2016-2017": 389, "2017-2018": 423},
                            comment="This equates to a 9% increase.",
                        ),
                    ],
                ),
            )
        ],
    )
    return Pack(
        source=Source(path="minutes.txt", sha256=sha256, page_count=6, format="text"),
        documents=[minutes],
    )


@pytest.fixture()
def db(tmp_path):
    connection = sqlite.connect(tmp_path / "council.db")
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    shared_file("corpus")
    connection = sqlite.connect(tmp_path_factory.mktemp("db") / "corpus.db")
    for path in [*corpus_pdfs(), SEED]:
        sqlite.write_pack(connection, councildocs.parse(path))
    yield connection
    connection.close()


def test_everyone_attending_a_body(db):
    sqlite.write_pack(db, minutes_pack())
    # apologies are recorded but not attending
    assert sqlite.attendees_of(db, PANEL) == sorted([*PANEL_MEMBERS, "Julia Cleary"])
    assert sqlite.attendees_of(db, "Cabinet") == []
    statuses = dict(db.execute("SELECT name, status FROM attendees WHERE name LIKE '%Patten'"))
    assert statuses == {"Cllr Pat Patten": "apologies"}


def test_resolutions_by_word(db):
    sqlite.write_pack(db, minutes_pack())
    assert sqlite.resolutions_matching(db, "correct") == [APPROVED]
    assert sqlite.resolutions_matching(db, "arising") == []  # minute text, not a resolution


def test_statistics_rows_and_numbers_of_a_table(db):
    sqlite.write_pack(db, minutes_pack())
    (table_id,) = db.execute("SELECT id FROM tables").fetchone()
    assert sqlite.statistics_rows_of(db, table_id) == [
        ("Business Crime", {"2016-2017": 4256.0, "2017-2018": 4954.0}),
        ("Vehicle Crime", {"2016-2017": 1890.0, "2017-2018": 2449.0}),
        ("Robbery", {"2016-2017": 389.0, "2017-2018": 423.0}),
    ]
    cells = db.execute(
        "SELECT text, number FROM table_cells WHERE table_id = ? AND row = 0 AND is_header = 0"
        ' ORDER BY "column"',
        (table_id,),
    ).fetchall()
    assert cells == [("Business Crime", None), ("4,256", 4256.0), ("4,954", 4954.0), ("", None)]


def test_reexport_replaces_the_pack_and_its_search_rows(db):
    for _ in range(2):
        sqlite.write_pack(db, minutes_pack())
    assert db.execute("SELECT count(*) FROM packs").fetchone() == (1,)
    assert db.execute("SELECT count(*) FROM resolutions").fetchone() == (1,)
    assert db.execute("SELECT count(*) FROM attendance").fetchone() == (9,)
    assert sqlite.resolutions_matching(db, "correct") == [APPROVED]
    # another pack names the same people: they are one row each
    sqlite.write_pack(db, minutes_pack(sha256="b" * 64))
    assert db.execute("SELECT count(*) FROM people").fetchone() == (9,)


def test_a_failed_write_leaves_the_previous_export_whole(db, monkeypatch):
    sqlite.write_pack(db, minutes_pack())

    def broken(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(sqlite, "_write_table", broken)
    with pytest.raises(RuntimeError):
        sqlite.write_pack(db, minutes_pack())
    assert db.execute("SELECT count(*) FROM packs").fetchone() == (1,)
    assert db.execute("SELECT count(*) FROM statistics_values").fetchone() == (6,)
    assert sqlite.resolutions_matching(db, "correct") == [APPROVED]


def test_findings_point_at_their_document(db):
    finding = Finding(
        code="CD101",
        name="missing-date",
        severity="warning",
        message="The minutes do not state a date",
        document=1,
        page=3,
    )
    sqlite.write_pack(db, minutes_pack(), findings=[finding])
    row = db.execute(
        "SELECT findings.code, documents.kind, findings.page FROM findings"
        " JOIN documents ON documents.id = findings.document_id"
    ).fetchall()
    assert row == [("CD101", "minutes", 3)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1,234", 1234.0),
        ("£2.50", 2.5),
        ("(12.5)", -12.5),
        ("7%", 7.0),
        ("−3", -3.0),
        ("-", None),
        ("2016-2017", None),
        ("n/a", None),
        ("(12", None),
        ("", None),
    ],
)
def test_cell_number(text, number):
    assert sqlite.cell_number(text) == number


def test_corpus_agenda_of_a_meeting_in_order(corpus_db):
    (sha,) = corpus_db.execute(
        "SELECT sha256 FROM packs WHERE path LIKE '%Agenda frontsheet 30th-Jan-2025%'"
    ).fetchone()
    items = sqlite.agenda_of(corpus_db, sha)
    assert [n for n, _ in items] == [str(n) for n in range(1, 10)]
    assert items[2] == ("3", "Minutes of the Meeting held on 9th January 2025")
    assert items[8] == (
        "9",
        "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29",
    )
    (seed_sha,) = corpus_db.execute(
        "SELECT sha256 FROM packs WHERE path LIKE '%000_93c56be8f999743d.txt'"
    ).fetchone()
    assert sqlite.agenda_of(corpus_db, seed_sha) == SEED_AGENDA


def test_corpus_every_file_is_one_pack_and_searchable(corpus_db):
    assert corpus_db.execute("SELECT count(*) FROM packs").fetchone() == (len(corpus_pdfs()) + 1,)
    # the Workplace Parking Levy report, found by its words in the document text
    paths = [
        p
        for (p,) in corpus_db.execute(
            "SELECT DISTINCT packs.path FROM documents_fts JOIN documents ON documents.id ="
            " documents_fts.rowid JOIN packs ON packs.id = documents.pack_id"
            " WHERE documents_fts MATCH '\"workplace parking levy\"'"
        )
    ]
    assert any("src-bcc-0003_committee-report-workplace-parking-levy" in p for p in paths)


def test_corpus_attendance_resolution_and_statistics_queries_run(corpus_db):
    # filled once the minutes and tables parsers land; the joins must already hold
    assert isinstance(sqlite.attendees_of(corpus_db, "Cabinet"), list)
    assert isinstance(sqlite.resolutions_matching(corpus_db, "agreed"), list)
    for (table_id,) in corpus_db.execute("SELECT id FROM tables").fetchall():
        sqlite.statistics_rows_of(corpus_db, table_id)
    kinds = dict(corpus_db.execute("SELECT kind, count(*) FROM documents GROUP BY kind"))
    assert kinds["minutes"] >= 6  # the six printed minutes in the corpus at least


def test_datasette_finds_the_search_tables(db):
    sql = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE name LIKE '%_fts'"))
    for table in sqlite.FULL_TEXT:
        assert f'content="{table}"' in sql[f"{table}_fts"]


def test_export_command(tmp_path):
    seed = shared_file("seeds/000_93c56be8f999743d.txt")
    database = tmp_path / "council.db"
    args = ["export", str(seed), "--sqlite", str(database), "--cache-dir", str(tmp_path / "c")]
    for _ in range(2):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.stderr
    connection = sqlite3.connect(database)
    assert connection.execute("SELECT count(*) FROM packs").fetchone() == (1,)
    assert connection.execute("SELECT count(*) FROM agenda_items").fetchone() == (7,)
    # the second run read the pack from the cache and replaced its rows
    assert "exported 1 (1 from cache), failed 0" in result.stderr
