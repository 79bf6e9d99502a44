"""Segmentation: the fixture packs split into their documents on the pages their generator
put them on (see tests/fixtures/README.md), and corpus files split as a reader would."""

from __future__ import annotations

import datetime as dt

import councildocs

from .conftest import FIXTURES, shared_file


def _spans(pack):
    return [
        (d.kind, d.agenda_item, (d.pages.start, d.pages.end) if d.pages else None)
        for d in pack.documents
    ]


def test_wolverhampton_pdf_splits_on_the_right_pages():
    pack = councildocs.parse(FIXTURES / "wolverhampton_pack.pdf")
    # The agenda's closing page is blank, as is the last page of the minutes and the
    # second report: a document's span runs to its last page, blank or not.
    assert _spans(pack) == [
        ("agenda", None, (1, 2)),
        ("minutes", "4", (3, 8)),
        ("work_programme", "5", (9, 10)),
        ("report", "6", (11, 16)),
        ("report", "7", (17, 26)),
    ]
    assert pack.source.page_count == 26
    assert pack.source.language == "en-GB"
    assert [o.page for o in pack.source.outline] == [1, 3, 9, 11, 17]


def test_wolverhampton_pdf_agenda_matches_the_seed_text(seed_pack):
    pack = councildocs.parse(FIXTURES / "wolverhampton_pack.pdf")
    assert [i.model_dump() for i in pack.agenda.items] == [
        i.model_dump(exclude={"provenance"}) | {"provenance": j.provenance.model_dump()}
        for i, j in zip(seed_pack.agenda.items, pack.agenda.items, strict=True)
    ]
    assert pack.meeting.council == "City of Wolverhampton Council"
    assert pack.meeting.body == "Adults and Safer City Scrutiny Panel"
    assert pack.meeting.date == dt.date(2018, 6, 12)
    assert pack.meeting.time == "6.00 pm"
    assert pack.meeting.venue.startswith("Committee Room 3, Civic Centre")


def test_kent_fixture_pack_parts_and_documents():
    pack = councildocs.parse(FIXTURES / "kent_cabinet_pack.pdf")
    assert _spans(pack) == [
        ("agenda", None, (1, 2)),
        ("minutes", "3", (3, 6)),
        ("report", "5", (7, 10)),
    ]
    parts = {i.number: i.part for i in pack.agenda.items}
    assert parts == {"1": 1, "2": 1, "3": 1, "4": 1, "5": 1, "6": 2}
    assert pack.agenda.items[5].decision_number == "24/00112"
    assert pack.meeting.time == "10.00 am"
    assert pack.meeting.venue == "Council Chamber, Sessions House, County Hall, Maidstone"


def test_lone_documents_are_packs_of_one():
    minutes = councildocs.parse(
        shared_file(
            "corpus/kent/cabinet-2025-01-30/Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf"
        )
    )
    assert [d.kind for d in minutes.documents] == ["minutes"]
    assert (minutes.documents[0].pages.start, minutes.documents[0].pages.end) == (1, 17)
    report = councildocs.parse(
        shared_file("corpus/kent/cabinet-2025-03-04/Cabinet QPR Q3 Cover.pdf")
    )
    assert [d.kind for d in report.documents] == ["report"]
    finance = councildocs.parse(
        shared_file(
            "corpus/kent/cabinet-2025-01-30/24-00108 - Finance Monitoring Report - Q3 - "
            "November 2024-25.pdf"
        )
    )
    # its bookmarks are the report's own sections, not separate documents
    assert len(finance.documents) == 1
