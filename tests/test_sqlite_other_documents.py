"""A document of no kind parsed further keeps its header fields and heading tree in SQLite.

A record of decision is filed as ``other``; its labelled fields (decision number, decision
maker, key decision, subject) and its sections reach the database as a report's do: one
``other_documents`` row of the same header columns, and ``sections`` with ``paragraphs``.
The form is generated (tests/test_decision_record.py); its wording is our own, so the
values below are what it prints.
"""

from __future__ import annotations

import json
import shutil

import pytest

import councildocs
from councildocs.output import sqlite

from .test_decision_record import _form
from .test_sqlite_upgrade import PREVIOUS

pytest.importorskip("fpdf")


@pytest.fixture
def record(tmp_path):
    path = tmp_path / "record.pdf"
    _form(path)
    pack = councildocs.parse(path)
    assert [document.kind for document in pack.documents] == ["other"]
    return pack


def _read_back(db) -> tuple[tuple, list[str], list[tuple[str, list[str]]]]:
    [(document_id, number, title, body, key_decision, fields)] = db.execute(
        "SELECT document_id, decision_number, title, meeting_body, key_decision, fields"
        " FROM other_documents"
    ).fetchall()
    labels = [pair["label"] for pair in json.loads(fields)]
    sections = [
        (
            title,
            [
                text
                for (text,) in db.execute(
                    "SELECT text FROM paragraphs WHERE section_id = ? ORDER BY position",
                    (section_id,),
                )
            ],
        )
        for section_id, title in db.execute(
            "SELECT id, title FROM sections WHERE document_id = ? ORDER BY position",
            (document_id,),
        )
    ]
    return (number, title, body, key_decision), labels, sections


EXPECTED_SECTIONS = [
    (
        "Decision",
        [
            "Cabinet agree to:",
            "approve the new opening hours of the town libraries",
            "delegate the timetable to the Director of Communities",
        ],
    ),
    (
        "Reason(s) for decision",
        [
            "The libraries are least used early in the morning and most used in the evening, "
            "when many of them are closed; the new hours follow their use within the same "
            "budget."
        ],
    ),
    ("Any alternatives considered and rejected", ["None"]),
]


def test_a_record_of_decision_s_fields_and_sections_are_stored(tmp_path, record):
    db = sqlite.connect(tmp_path / "council.db")
    sqlite.write_pack(db, record)

    columns, labels, sections = _read_back(db)

    assert columns == ("25/00042", "Library Opening Hours", "Cabinet", 1)
    assert labels[:3] == ["Decision to be taken by", "Decision number", "Key decision"]
    assert "Subject Matter / Title of Decision" in labels
    assert sections == EXPECTED_SECTIONS


def test_an_old_database_takes_other_documents_fields(tmp_path, record):
    copy = tmp_path / "council.db"
    shutil.copy(PREVIOUS, copy)
    db = sqlite.connect(copy)
    sqlite.write_pack(db, record)

    columns, _labels, sections = _read_back(db)

    assert columns[0] == "25/00042"
    assert sections == EXPECTED_SECTIONS
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # a pack replaced takes its other document's rows with it
    sqlite.write_pack(db, record)
    assert db.execute("SELECT count(*) FROM other_documents").fetchone() == (1,)
    sections_of_others = db.execute(
        "SELECT count(*) FROM sections JOIN other_documents USING (document_id)"
    ).fetchone()
    assert sections_of_others == (len(EXPECTED_SECTIONS),)
