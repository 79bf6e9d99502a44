"""The SQLite export's people and bodies: one row per person and per body within a council,
however the papers print the name.

The names are the seed's (Wolverhampton: Councillor Paul Sweet, the Adults and Safer City
Scrutiny Panel, which its papers also print with "&"); the second Sweet, Pat, is made up
to make the surname uncertain.
"""

from __future__ import annotations

import pytest

from councildocs.models import Attendance, Meeting, MinutesDocument, Pack, Person, Source
from councildocs.output import sqlite

WOLVERHAMPTON = "City of Wolverhampton Council"
PANEL = "Adults and Safer City Scrutiny Panel"


def pack(
    sha256_digit: str,
    members: list[Person],
    council: str | None = WOLVERHAMPTON,
    pack_body: str | None = PANEL,
    minutes_body: str | None = PANEL,
) -> Pack:
    minutes = MinutesDocument(body=minutes_body, attendance=Attendance(members=members))
    return Pack(
        source=Source(
            path=f"{sha256_digit}.txt", sha256=sha256_digit * 64, page_count=1, format="text"
        ),
        meeting=Meeting(council=council, body=pack_body),
        documents=[minutes],
    )


@pytest.fixture()
def db(tmp_path):
    connection = sqlite.connect(tmp_path / "council.db")
    yield connection
    connection.close()


def attendee_names(db) -> list[tuple[str, str]]:
    """(the name as printed, the person's row's name) for every attendance row, in order."""
    return db.execute(
        "SELECT attendance.printed_name, people.name FROM attendance"
        " JOIN people ON people.id = attendance.person_id ORDER BY attendance.id"
    ).fetchall()


def test_a_surname_joins_the_one_full_name_of_the_council(db):
    sqlite.write_pack(db, pack("a", [Person(name="Sweet", honorific="Mr")]))
    assert attendee_names(db) == [("Sweet", "Sweet")]
    # a later pack of the council prints the full name: the earlier mention joins it
    sqlite.write_pack(db, pack("b", [Person(name="Paul Sweet", honorific="Councillor")]))
    assert attendee_names(db) == [("Sweet", "Paul Sweet"), ("Paul Sweet", "Paul Sweet")]
    assert db.execute("SELECT name FROM people").fetchall() == [("Paul Sweet",)]
    # the honorific printed inside the name reads the same
    sqlite.write_pack(db, pack("c", [Person(name="Cllr Sweet")]))
    assert attendee_names(db)[-1] == ("Cllr Sweet", "Paul Sweet")


def test_a_surname_two_full_names_share_stays_apart(db):
    sqlite.write_pack(db, pack("a", [Person(name="Sweet", honorific="Mr")]))
    sqlite.write_pack(db, pack("b", [Person(name="Paul Sweet")]))
    sqlite.write_pack(db, pack("c", [Person(name="Pat Sweet")]))
    assert attendee_names(db) == [
        ("Sweet", "Sweet"),
        ("Paul Sweet", "Paul Sweet"),
        ("Pat Sweet", "Pat Sweet"),
    ]
    # without Pat's pack the surname is certain again
    sqlite.write_pack(db, pack("c", [Person(name="Julia Cleary")]))
    assert attendee_names(db)[0] == ("Sweet", "Paul Sweet")


def test_a_surname_joins_no_full_name_of_another_council_nor_a_bare_first_name(db):
    sqlite.write_pack(db, pack("a", [Person(name="Paul Sweet")], council="Kent County Council"))
    sqlite.write_pack(db, pack("b", [Person(name="Sweet", honorific="Mr"), Person(name="Paul")]))
    sqlite.write_pack(db, pack("c", [Person(name="Jane Paul")]))
    assert attendee_names(db) == [
        ("Paul Sweet", "Paul Sweet"),
        ("Sweet", "Sweet"),
        ("Paul", "Paul"),
        ("Jane Paul", "Jane Paul"),
    ]


def test_a_body_is_one_row_however_its_papers_spell_it(db):
    sqlite.write_pack(db, pack("a", [], minutes_body="Adults & Safer City Scrutiny Panel"))
    sqlite.write_pack(db, pack("b", [], pack_body="The ADULTS AND SAFER CITY SCRUTINY PANEL."))
    sqlite.write_pack(db, pack("c", [], pack_body="Cabinet", minutes_body="Cabinet"))
    sqlite.write_pack(db, pack("d", [], council="Kent County Council"))
    bodies = db.execute("SELECT id, name, council FROM bodies ORDER BY id").fetchall()
    panel, cabinet, kent_panel = bodies
    assert [row[1:] for row in bodies] == [
        (PANEL, WOLVERHAMPTON),
        ("Cabinet", WOLVERHAMPTON),
        (PANEL, "Kent County Council"),
    ]
    body_ids = db.execute(
        "SELECT packs.sha256, packs.body_id, minutes.body_id FROM packs"
        " JOIN documents ON documents.pack_id = packs.id"
        " JOIN minutes ON minutes.document_id = documents.id ORDER BY packs.id"
    ).fetchall()
    assert [ids for _sha256, *ids in body_ids] == [
        [panel[0], panel[0]],
        [panel[0], panel[0]],
        [cabinet[0], cabinet[0]],
        [kent_panel[0], kent_panel[0]],
    ]
    # a body no pack names any more goes with its last pack
    sqlite.write_pack(db, pack("c", []))
    assert db.execute("SELECT count(*) FROM bodies").fetchone() == (2,)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
