"""Segmentation: the fixture packs split into their documents on the pages their generator
put them on (see tests/fixtures/README.md), and corpus files split as a reader would."""

from __future__ import annotations

import datetime as dt

import councildocs
from councildocs.contract import BoundarySignal
from councildocs.extract import Line
from councildocs.segment import first_lines_kind

from .conftest import FIXTURES, shared_file

FILE_START = BoundarySignal.file_start
FRONT = BoundarySignal.front_matter
REFERENCE = BoundarySignal.agenda_reference
STAMP = BoundarySignal.stamp
BOOKMARK = BoundarySignal.bookmark
SIGNATURE = BoundarySignal.signature
TITLE = BoundarySignal.title_style


def _spans(pack):
    return [
        (d.kind, d.agenda_item, (d.pages.start, d.pages.end) if d.pages else None)
        for d in pack.documents
    ]


def _signals(pack):
    return [d.boundary.signals for d in pack.documents]


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
    # pages 3, 9, 11 and 17 carry an "Agenda Item" stamp and a bookmark, and the agenda's
    # "(Pages 3 - 8)" ... "(Pages 17 - 26)" name them
    assert _signals(pack) == [
        [FILE_START],
        [FRONT, STAMP, BOOKMARK, REFERENCE],
        [STAMP, BOOKMARK, REFERENCE],
        [STAMP, BOOKMARK, REFERENCE],
        [STAMP, BOOKMARK, REFERENCE],
    ]


def test_seed_text_splits_on_signatures_as_the_pdf_does(seed_pack):
    # The export lost the stamps and five of the 26 pages (blank pages, missed page
    # starts), so only wording starts documents, and the agenda's spans place them.
    assert _spans(seed_pack) == [
        ("agenda", None, (1, 2)),
        ("minutes", "4", (3, 8)),
        ("work_programme", "5", (9, 10)),
        ("report", "6", (11, 16)),
        ("report", "7", (17, 26)),
    ]
    assert _signals(seed_pack) == [
        [FILE_START],
        [FRONT, SIGNATURE],
        [SIGNATURE],
        [SIGNATURE],
        [SIGNATURE],
    ]


def test_a_work_programme_heading_inside_the_minutes_pages_keeps_them_whole():
    # Stamped "Page N" only: no "Agenda Item" stamps, no bookmarks. Page 5 opens with the
    # minutes' item heading "Work Programme 2024/25", inside the minutes' "(Pages 3 - 6)";
    # the work programme itself starts on page 7, the report on 9, its appendix on 12.
    pack = councildocs.parse(FIXTURES / "programme_heading_pack.pdf")
    assert _spans(pack) == [
        ("agenda", None, (1, 2)),
        ("minutes", "3", (3, 6)),
        ("work_programme", "4", (7, 8)),
        # the report's appendix (page 12, inside its "Pages 9 - 12", no stamp or bookmark
        # of its own) is part of the report, under its own heading
        ("report", "5", (9, 12)),
    ]
    assert _signals(pack) == [
        [FILE_START],
        # pages 3 and 7 open with 16 pt bold titles; page 9 opens with its header block
        [FRONT, REFERENCE, TITLE, SIGNATURE],
        [REFERENCE, TITLE, SIGNATURE],
        [REFERENCE, SIGNATURE],
    ]
    assert pack.documents[1].title == "Minutes of the meeting held on 9 July 2024"
    appendix = next(s for s in pack.documents[3].sections if s.title == "Appendix A")
    assert appendix.provenance.page == 12


def test_the_text_export_of_that_pack_keeps_the_minutes_whole_too():
    # The twin has a form feed per page, so its pages are the pack's: page 5's heading lies
    # inside the minutes' four pages. Text has no appendix signal: the appendix stays in
    # the report.
    pack = councildocs.parse(FIXTURES / "programme_heading_pack.txt")
    assert _spans(pack) == [
        ("agenda", None, (1, 2)),
        ("minutes", "3", (3, 6)),
        ("work_programme", "4", (7, 8)),
        ("report", "5", (9, 12)),
    ]
    assert [(d.physical_pages.start, d.physical_pages.end) for d in pack.documents] == [
        (1, 2),
        (3, 6),
        (7, 8),
        (9, 12),
    ]
    assert _signals(pack) == [[FILE_START], [FRONT, SIGNATURE], [SIGNATURE], [SIGNATURE]]


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
    assert _signals(pack) == [
        [FILE_START],
        [FRONT, STAMP, BOOKMARK, REFERENCE],
        [STAMP, BOOKMARK, REFERENCE],
    ]
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


def _lines(*texts):
    return [Line(text=t, x0=0, top=n, x1=len(t), bottom=n + 1, page=1) for n, t in enumerate(texts)]


def test_welsh_and_scottish_titles_name_their_documents():
    assert first_lines_kind(_lines("Cofnodion cyfarfod Cyngor Cymuned", "Yn bresennol")) == (
        "minutes"
    )
    assert first_lines_kind(_lines("Minute of Meeting of the Community Council")) == "minutes"
    assert first_lines_kind(_lines("Rhaglen", "1 Ymddiheuriadau")) == "agenda"
    # "Rhaglen Waith" is a work programme, not an agenda ("Rhaglen")
    assert first_lines_kind(_lines("Rhaglen Waith 2024/25")) == "work_programme"
    # the plural's "Minutes offered" is not a title, nor is a minute's number
    assert first_lines_kind(_lines("Minutes offered by the clerk were read")) is None
    assert first_lines_kind(_lines("Minute 23: Planning")) is None


def test_a_covering_letter_about_a_meeting_is_no_minutes():
    from councildocs.segment import evidence_kind

    record = [
        "It was proposed by Cllr Green that the amendment be put to the vote.",
        "The amendment was seconded by Cllr Stone.",
    ]
    letter = [
        "Direct Dial/Ext: 01234 567890",
        "Ask for: Democratic Services",
        "Date: 27 February 2025",
        "Dear Member",
        "COUNTY COUNCIL - THURSDAY, 13 FEBRUARY 2025",
        "Enclosed are the budget amendments that were debated at the meeting.",
        *record,
    ]
    # the same words of a meeting held read as minutes without the letter around them
    assert evidence_kind(_lines(*record)) == "minutes"
    assert evidence_kind(_lines(*letter)) != "minutes"
